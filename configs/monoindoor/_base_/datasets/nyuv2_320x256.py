# NYUv2 (thesis Table 5.1): raw scenes sub-sampled 10x, undistorted with the Kinect calibration,
# 16-px border crop, 320 x 256 (W x H); test on the 654 labelled images with the Eigen crop,
# median scaling, 0.1-10 m. The training scene list is the user's (see the README).
data_root = 'data/nyuv2'
img_scale = (320, 256)  # (W, H)
train_pipeline = [
    dict(type='LoadFrameSequence'),
    dict(type='Undistort'),
    dict(type='CropBorder', border=16),
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
    dataset=dict(type='NYUv2RawDataset', data_root=data_root, scene_list='train_scenes.txt',
                 raw_dir='raw', frame_ids=(0, -1, 1), frame_stride=10, pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=12, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='NYUv2LabeledDataset', data_root=data_root,
                 test_dir='official_splits/test', pipeline=test_pipeline))
test_dataloader = val_dataloader
val_evaluator = dict(type='DepthMetric', min_depth=0.1, max_depth=10.0, crop='eigen_nyu')
test_evaluator = val_evaluator
