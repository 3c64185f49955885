# CPU-sized schedule of the synthetic-room configs: Adam lr 1e-4 (as the thesis) for 8 epochs
# (about 19 minutes for MonoIndoor++ on 2 cores), x0.1 for the last 2.
_base_ = './adam_40e.py'
train_cfg = dict(max_epochs=8, val_interval=2)
param_scheduler = [dict(type='MultiStepLR', by_epoch=True, milestones=[6], gamma=0.1)]
