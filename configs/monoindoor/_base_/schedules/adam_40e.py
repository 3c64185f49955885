# Thesis §5.4.1: Adam, 40 epochs, lr 1e-4, x0.1 after epoch 20.
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-4,
                                                         betas=(0.9, 0.999), weight_decay=0))
param_scheduler = [dict(type='MultiStepLR', by_epoch=True, milestones=[20], gamma=0.1)]
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=40, val_interval=1)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
