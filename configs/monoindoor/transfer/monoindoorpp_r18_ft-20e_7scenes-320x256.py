# MonoIndoor++: fine-tune the NYUv2 model on one 7-Scenes scene for 20 epochs (lr 1e-4, x0.1 after
# 10; thesis Table 5.7B). The per-scene configs set the scene.
_base_ = './monoindoorpp_r18_zeroshot_7scenes-320x256.py'
load_from = 'work_dirs/monoindoorpp_r18_40e_nyuv2-320x256/epoch_40.pth'
train_cfg = dict(max_epochs=20, val_interval=5)
param_scheduler = [dict(type='MultiStepLR', by_epoch=True, milestones=[10], gamma=0.1)]
