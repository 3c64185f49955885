# Synthetic-room ablation, row 1: the Monodepth2 baseline (RP, DF, CC and L_d off), 3 epochs.
_base_ = '../../monodepth2_r18_1xb4-8e_synthetic-rooms-64x96.py'
train_cfg = dict(max_epochs=3, val_interval=3)
param_scheduler = [dict(type='MultiStepLR', by_epoch=True, milestones=[2], gamma=0.1)]
