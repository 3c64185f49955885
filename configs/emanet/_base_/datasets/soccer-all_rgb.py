# Soccer highlights as RGB videos for the mmaction2 video baselines (Table 2.6-2.8 "registration
# x"): all six classes, split 0, the lists written by the synthetic generator or by
# tools/data/soccer/make_splits.py. Hara-style 3D-ResNet input: 16 uniformly sampled
# frames, short side 128, 112 x 112 crops (spec §5.1). Videos are decoded with OpenCV.
dataset_type = 'mmaction.VideoDataset'
data_root = 'data/soccer'
classes = ('Stepover', 'Elastico', 'Chop', 'Penalty-Kick', 'Goal', 'Free-Kick')
clip_len = 16
crop_size = 112

train_pipeline = [
    dict(type='OpenCVInit'),
    dict(type='UniformSample', clip_len=clip_len),
    dict(type='OpenCVDecode'),
    dict(type='Resize', scale=(-1, 128)),
    dict(type='RandomCrop', size=crop_size),
    dict(type='Flip', flip_ratio=0.5),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs'),
]
test_pipeline = [
    dict(type='OpenCVInit'),
    dict(type='UniformSample', clip_len=clip_len, test_mode=True),
    dict(type='OpenCVDecode'),
    dict(type='Resize', scale=(-1, 128)),
    dict(type='CenterCrop', crop_size=crop_size),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs'),
]
_dataset = dict(type=dataset_type, data_root=data_root, metainfo=dict(classes=classes))
train_dataloader = dict(
    batch_size=8, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(_dataset, ann_file='annotations/video_lists/all_split0_train.txt',
                 pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=8, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_dataset, ann_file='annotations/video_lists/all_split0_val.txt',
                 pipeline=test_pipeline, test_mode=True))
test_dataloader = dict(
    batch_size=8, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_dataset, ann_file='annotations/video_lists/all_split0_test.txt',
                 pipeline=test_pipeline, test_mode=True))
