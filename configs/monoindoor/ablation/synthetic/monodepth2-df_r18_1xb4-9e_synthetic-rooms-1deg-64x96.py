# Ablation on the halls turning 1 deg per frame, 9-epoch CPU budget: baseline + depth
# factorization only, i.e. the 9-epoch MonoIndoor++ with residual pose, CoordConv and L_d off.
_base_ = '../../monoindoorpp_r18_1xb4-9e_synthetic-rooms-1deg-64x96.py'
model = dict(pose_module=dict(num_iters=0, coord_conv=None), consistency_loss=None)
