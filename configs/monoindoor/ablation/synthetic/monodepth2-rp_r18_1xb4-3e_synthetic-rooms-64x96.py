# Synthetic-room ablation: baseline + residual pose (K = 1) only.
_base_ = '../../monodepth2_r18_1xb4-3e_synthetic-rooms-64x96.py'
model = dict(pose_module=dict(num_iters=1))
