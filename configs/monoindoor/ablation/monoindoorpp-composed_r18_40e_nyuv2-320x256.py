# Extra ablation: composed warping (each virtual view from the original source, Eq. 5.15).
_base_ = '../monoindoorpp_r18_40e_nyuv2-320x256.py'
model = dict(pose_module=dict(warp_mode='composed'))
