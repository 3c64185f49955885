# Table 5.10: coordinate channels appended to the pose encoder's features (514 channels).
_base_ = './monoindoorpp-rp_r18_40e_nyuv2-320x256.py'
model = dict(pose_module=dict(
    coord_conv=dict(_delete_=True, type='CoordConvEncoding', position='features')))
