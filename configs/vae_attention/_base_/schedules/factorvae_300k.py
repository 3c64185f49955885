# 3e5 iterations of batch 128 (two halves of 64), Kim & Mnih's dSprites schedule.
train_cfg = dict(type='IterBasedTrainLoop', max_iters=300000, val_interval=50000)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
