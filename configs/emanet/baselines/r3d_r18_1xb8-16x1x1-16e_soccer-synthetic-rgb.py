# 3D-ResNet-18 (Hara-style, from scratch: no Kinetics weights here) on the synthetic soccer
# clips, all six classes, split 0, 16 frames at 112 x 112: the data and split of
# ../emanet_vit-tiny_1xb16-8f-40e_soccer-synthetic.py. 16 epochs fit the 20-minute CPU budget
# of the EMA-Net comparison (about 60 s per epoch on 2 cores).
_base_ = ['./r3d_r18-k400-pre_1xb8-16x1x1-50e_soccer-all-rgb.py']
data_root = 'data/soccer_synthetic'
model = dict(backbone=dict(frozen_stages=-1))
train_dataloader = dict(dataset=dict(data_root=data_root))
val_dataloader = dict(dataset=dict(data_root=data_root))
test_dataloader = dict(dataset=dict(data_root=data_root))
param_scheduler = [dict(type='CosineAnnealingLR', T_max=16, eta_min=0, by_epoch=True, begin=0,
                        end=16)]
train_cfg = dict(max_epochs=16, val_interval=4)
default_hooks = dict(logger=dict(interval=5), checkpoint=dict(interval=4))
