# Table 5.8 row 3 (= MonoIndoor, ICCV 2021): residual pose + depth factorization, no CoordConv.
_base_ = '../monoindoorpp_r18_40e_nyuv2-320x256.py'
model = dict(pose_module=dict(coord_conv=None))
