# Synthetic-room ablation: baseline + depth factorization (scale transformer, probabilistic
# head) only: the full model with residual pose, CoordConv and L_d switched off.
_base_ = '../../monoindoorpp_r18_1xb4-3e_synthetic-rooms-64x96.py'
model = dict(pose_module=dict(num_iters=0, coord_conv=None), consistency_loss=None)
