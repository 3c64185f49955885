# 3e5 iterations of batch 128 (two halves of 64), Kim & Mnih's dSprites schedule.
train_cfg = dict(type='IterBasedTrainLoop', max_iters=300000, val_interval=50000)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
default_hooks = dict(
    logger=dict(type='LoggerHook', interval=100),
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=50000, max_keep_ckpts=2,
                    save_last=True))
log_processor = dict(by_epoch=False)
