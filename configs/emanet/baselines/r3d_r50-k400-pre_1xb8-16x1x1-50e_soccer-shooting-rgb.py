# 3D-ResNet-50 (Kataoka et al. / Hara et al.) on the soccer "shooting" clips, RGB, 16 frames at 112.
_base_ = ['../_base_/emanet_runtime.py', '../_base_/models/r3d_r50.py',
          '../_base_/datasets/soccer-shooting_rgb.py', '../_base_/schedules/sgd_cosine_50e.py']
model = dict(cls_head=dict(num_classes=3))
