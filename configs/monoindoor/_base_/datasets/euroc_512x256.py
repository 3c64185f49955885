# EuRoC MAV (thesis Tables 5.2, 5.8, 5.9): cam0 of MH_01, MH_02, MH_04, V1_01, V1_02 for
# training; V1_03, V2_01, V2_02, V2_03 for testing against projected laser-scan depth
# (tools/data/euroc/make_depth_gt.py), cap 20 m. Undistorted, 512 x 256 (W x H).
data_root = 'data/euroc'
img_scale = (512, 256)  # (W, H)
train_pipeline = [
    dict(type='LoadFrameSequence'),
    dict(type='Undistort'),
    dict(type='ResizeWithIntrinsics', scale=img_scale),
    dict(type='RandomFlipSequence', prob=0.5),
    dict(type='ConsistentColorJitter', prob=0.5),
    dict(type='PackSelfSupInputs'),
]
test_pipeline = [
    dict(type='LoadFrameSequence'),
    dict(type='LoadDepthGT'),
    dict(type='Undistort'),
    dict(type='ResizeWithIntrinsics', scale=img_scale),
    dict(type='PackSelfSupInputs'),
]
train_dataloader = dict(
    batch_size=12, num_workers=4, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type='EuRoCDataset', data_root=data_root,
                 sequences=('MH_01_easy', 'MH_02_easy', 'MH_04_difficult', 'V1_01_easy',
                            'V1_02_medium'),
                 mode='train', frame_ids=(0, -1, 1), frame_stride=1, pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=12, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='EuRoCDataset', data_root=data_root,
                 sequences=('V1_03_difficult', 'V2_01_easy', 'V2_02_medium', 'V2_03_difficult'),
                 mode='test', frame_ids=(0, ), pipeline=test_pipeline))
test_dataloader = val_dataloader
val_evaluator = dict(type='DepthMetric', min_depth=0.1, max_depth=20.0)
test_evaluator = val_evaluator
