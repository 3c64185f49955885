# 3D-ResNet-18 (Kataoka et al. / Hara et al.) on the soccer "dribbling" clips, RGB, 16 frames at
# 112.
_base_ = ['../_base_/emanet_runtime.py', '../_base_/models/r3d_r18.py',
          '../_base_/datasets/soccer-dribbling_rgb.py', '../_base_/schedules/sgd_cosine_50e.py']
model = dict(cls_head=dict(num_classes=3))
