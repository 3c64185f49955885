# RGB-D 7-Scenes (thesis Table 5.7): every 30th frame of each scene's test sequences at
# 320 x 256, median scaling, 0.1-10 m; fine-tuning tuples from the train sequences (stride 10).
data_root = 'data/7scenes'
img_scale = (320, 256)  # (W, H)
scenes = ('chess', 'fire', 'heads', 'office', 'pumpkin', 'redkitchen', 'stairs')
train_pipeline = [
    dict(type='LoadFrameSequence'),
    dict(type='ResizeWithIntrinsics', scale=img_scale),
    dict(type='RandomFlipSequence', prob=0.5),
    dict(type='ConsistentColorJitter', prob=0.5),
    dict(type='PackSelfSupInputs'),
]
test_pipeline = [
    dict(type='LoadFrameSequence'),
    dict(type='LoadDepthGT'),
    dict(type='ResizeWithIntrinsics', scale=img_scale),
    dict(type='PackSelfSupInputs'),
]
train_dataloader = dict(
    batch_size=12, num_workers=4, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type='SevenScenesDataset', data_root=data_root, scenes=scenes, split='train',
                 mode='train', frame_ids=(0, -1, 1), frame_stride=10, pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=12, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='SevenScenesDataset', data_root=data_root, scenes=scenes, split='test',
                 mode='test', frame_ids=(0, ), frame_stride=30, pipeline=test_pipeline))
test_dataloader = val_dataloader
val_evaluator = dict(type='DepthMetric', min_depth=0.1, max_depth=10.0)
test_evaluator = val_evaluator
