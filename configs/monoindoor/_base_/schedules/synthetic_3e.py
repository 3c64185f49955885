# CPU budget of the synthetic-room configs: 3 epochs of 336 iterations (batch 4) on the default
# rooms, about 6 minutes for MonoIndoor++ and 3.5 for Monodepth2 on 2 cores. From scratch and
# with so few steps, Adam runs at lr 2e-4 (the thesis's 1e-4 is for 40 ImageNet-initialized
# epochs), x0.1 for the last epoch; validation after every epoch.
_base_ = './adam_40e.py'
optim_wrapper = dict(optimizer=dict(lr=2e-4))
train_cfg = dict(max_epochs=3, val_interval=1)
param_scheduler = [dict(type='MultiStepLR', by_epoch=True, milestones=[2], gamma=0.1)]
