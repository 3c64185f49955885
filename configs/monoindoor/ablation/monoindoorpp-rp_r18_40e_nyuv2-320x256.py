# Table 5.8 row 2: residual pose only (fixed depth range, no CoordConv), with L_d.
_base_ = '../monoindoorpp_r18_40e_nyuv2-320x256.py'
model = dict(
    depth_head=dict(_delete_=True, type='FixedRangeDepthHead', min_depth=0.1, max_depth=10.0),
    scale_net=None,
    pose_module=dict(coord_conv=None))
