# Table 2.7's "†" row: 3D-ResNet-18 with only the last block (layer4) and the FC optimised.
_base_ = ['./r3d_r18-k400-pre_1xb8-16x1x1-50e_soccer-dribbling-rgb.py']
model = dict(backbone=dict(frozen_stages=3))
