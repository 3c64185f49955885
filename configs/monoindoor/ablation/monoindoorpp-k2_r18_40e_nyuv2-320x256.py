# Extra ablation: two residual pose iterations (K = 2).
_base_ = '../monoindoorpp_r18_40e_nyuv2-320x256.py'
model = dict(pose_module=dict(num_iters=2))
