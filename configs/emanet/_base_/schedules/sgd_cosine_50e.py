# SGD with cosine decay, 50 epochs: the baselines' mmaction2 zoo schedules scaled to one device
# and shortened to 50 epochs (spec §5.1). Children change max_epochs with param_scheduler.
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=1e-4),
    clip_grad=dict(max_norm=40, norm_type=2))
param_scheduler = [dict(type='CosineAnnealingLR', T_max=50, eta_min=0, by_epoch=True, begin=0,
                        end=50)]
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=50, val_interval=1)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
