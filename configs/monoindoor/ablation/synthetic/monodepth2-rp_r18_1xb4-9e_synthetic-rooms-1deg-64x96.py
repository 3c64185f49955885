# Ablation on the halls turning 1 deg per frame, 9-epoch CPU budget (the data and schedule of
# ../../monodepth2_r18_1xb4-9e_synthetic-rooms-1deg-64x96.py): baseline + residual pose (K = 1).
_base_ = '../../monodepth2_r18_1xb4-9e_synthetic-rooms-1deg-64x96.py'
model = dict(pose_module=dict(num_iters=1))
