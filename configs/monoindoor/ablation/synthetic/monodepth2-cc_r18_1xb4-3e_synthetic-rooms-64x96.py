# Synthetic-room ablation: baseline + coordinate convolution at the pose network's input only.
_base_ = '../../monodepth2_r18_1xb4-3e_synthetic-rooms-64x96.py'
model = dict(pose_module=dict(coord_conv=dict(type='CoordConvEncoding', position='input')))
