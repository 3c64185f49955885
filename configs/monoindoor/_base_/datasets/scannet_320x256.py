# ScanNet v2 (thesis Tables 5.4, 5.8): SensReader exports, training tuples of the 10x
# sub-sampled train scenes (100K random samples), testing on 40 evenly spaced frames of each of
# the 100 test scenes (~4K images) at the depth resolution, median scaling, 0.1-10 m.
data_root = 'data/scannet'
img_scale = (320, 256)  # (W, H)
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
    dataset=dict(type='ScanNetDataset', data_root=data_root, split_file='scannetv2_train.txt',
                 scans_dir='scans', mode='train', frame_ids=(0, -1, 1), frame_stride=10,
                 num_samples=100000, pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=12, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='ScanNetDataset', data_root=data_root, split_file='scannetv2_test.txt',
                 scans_dir='scans_test', mode='test', frame_stride=10, frames_per_scene=40,
                 frame_ids=(0, ), pipeline=test_pipeline))
test_dataloader = val_dataloader
val_evaluator = dict(type='DepthMetric', min_depth=0.1, max_depth=10.0)
test_evaluator = val_evaluator
