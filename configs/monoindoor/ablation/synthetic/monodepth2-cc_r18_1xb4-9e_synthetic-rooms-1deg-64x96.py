# Ablation on the halls turning 1 deg per frame, 9-epoch CPU budget: baseline + coordinate
# convolution at the pose network's input only.
_base_ = '../../monodepth2_r18_1xb4-9e_synthetic-rooms-1deg-64x96.py'
model = dict(pose_module=dict(coord_conv=dict(type='CoordConvEncoding', position='input')))
