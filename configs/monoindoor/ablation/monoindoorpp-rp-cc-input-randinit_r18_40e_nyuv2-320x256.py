# Table 5.10: CoordConv at the input with a randomly initialized 8-channel conv1.
_base_ = './monoindoorpp-rp-cc-input_r18_40e_nyuv2-320x256.py'
model = dict(pose_module=dict(encoder=dict(coord_init='random')))
