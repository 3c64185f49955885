# Synthetic rendered rooms (``python tools/data/make_synthetic.py rooms``) in the ScanNet export
# layout, read by the real ScanNetDataset; 64 x 96 (H x W) frames, consecutive frames as
# neighbours. Testing uses the held-out rooms' consecutive frame pairs: depth of the first frame
# against the rendered depth, and the pose between the two against the known camera motion.
data_root = 'data/rooms_synthetic'
img_scale = (96, 64)  # (W, H)

train_pipeline = [
    dict(type='LoadFrameSequence'),
    dict(type='ResizeWithIntrinsics', scale=img_scale),
    dict(type='RandomFlipSequence', prob=0.5),
    dict(type='ConsistentColorJitter', brightness=0.2, contrast=0.2, saturation=0.2, hue=0.1,
         prob=0.5),
    dict(type='PackSelfSupInputs'),
]
test_pipeline = [
    dict(type='LoadFrameSequence'),
    dict(type='LoadDepthGT'),
    dict(type='ResizeWithIntrinsics', scale=img_scale),
    dict(type='PackSelfSupInputs'),
]
train_dataloader = dict(
    batch_size=4, num_workers=1, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type='ScanNetDataset', data_root=data_root, split_file='scannetv2_train.txt',
                 mode='train', frame_ids=(0, -1, 1), frame_stride=1, pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=8, num_workers=1, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='ScanNetDataset', data_root=data_root, split_file='scannetv2_test.txt',
                 mode='pose', list_file='scannet_test_pose.txt', frame_ids=(0, 1),
                 pipeline=test_pipeline))
test_dataloader = val_dataloader
val_evaluator = [
    dict(type='DepthMetric', min_depth=0.1, max_depth=10.0, crop=None, median_scaling=True),
    dict(type='RelativePoseMetric'),
    dict(type='TrajectoryMetric', ate_mode='full'),
]
test_evaluator = val_evaluator
