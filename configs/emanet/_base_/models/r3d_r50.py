# 3D-ResNet-50 (Hara-style, 3x3x3 inflation everywhere) as mmaction2's ResNet3d + I3DHead.
_base_ = ['./r3d_r18.py']
model = dict(backbone=dict(depth=50, inflate_style='3x3x3'), cls_head=dict(in_channels=2048))
