# Ablation budget on the synthetic rooms: 3 epochs (about 700 iterations of batch 4, a few
# minutes per variant on 2 cores), x0.1 for the last epoch.
_base_ = './adam_40e.py'
train_cfg = dict(max_epochs=3, val_interval=3)
param_scheduler = [dict(type='MultiStepLR', by_epoch=True, milestones=[2], gamma=0.1)]
