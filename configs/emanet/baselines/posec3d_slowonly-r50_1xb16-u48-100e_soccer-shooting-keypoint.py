# PoseC3D (Duan et al.) on heatmap volumes of the player-of-interest tracks, soccer "shooting"
# clips.
_base_ = ['../_base_/emanet_runtime.py', '../_base_/models/posec3d_slowonly-r50.py',
          '../_base_/datasets/soccer-shooting_keypoint-heatmap.py',
          '../_base_/schedules/sgd_cosine_50e.py']
model = dict(cls_head=dict(num_classes=3))
optim_wrapper = dict(optimizer=dict(lr=0.025, weight_decay=3e-4))
param_scheduler = [dict(type='CosineAnnealingLR', T_max=100, eta_min=0, by_epoch=True,
                        begin=0, end=100)]
train_cfg = dict(max_epochs=100)
