# Synthetic-room ablation, last row: full MonoIndoor++ (RP + DF + CC + L_d), 3 epochs.
_base_ = '../../monoindoorpp_r18_1xb4-8e_synthetic-rooms-64x96.py'
train_cfg = dict(max_epochs=3, val_interval=3)
param_scheduler = [dict(type='MultiStepLR', by_epoch=True, milestones=[2], gamma=0.1)]
