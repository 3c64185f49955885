# Table 5.10: residual pose + CoordConv at the pose input (ImageNet-initialized conv1), no DF.
_base_ = './monoindoorpp-rp_r18_40e_nyuv2-320x256.py'
model = dict(pose_module=dict(
    coord_conv=dict(_delete_=True, type='CoordConvEncoding', position='input')))
