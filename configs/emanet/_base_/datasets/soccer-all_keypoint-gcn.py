# The player-of-interest COCO-17 keypoint tracks for the skeleton baselines (ST-GCN): all six
# classes, split 0 (annotations/skeleton_all.pkl, mmaction2 PoseDataset format); 32 uniformly
# sampled frames, one person, joint features (x, y, score) (spec §5.1).
dataset_type = 'mmaction.PoseDataset'
data_root = 'data/soccer'
classes = ('Stepover', 'Elastico', 'Chop', 'Penalty-Kick', 'Goal', 'Free-Kick')
clip_len = 32

train_pipeline = [
    dict(type='PreNormalize2D'),
    dict(type='GenSkeFeat', dataset='coco', feats=['j']),
    dict(type='UniformSampleFrames', clip_len=clip_len),
    dict(type='PoseDecode'),
    dict(type='FormatGCNInput', num_person=1),
    dict(type='PackActionInputs'),
]
test_pipeline = [
    dict(type='PreNormalize2D'),
    dict(type='GenSkeFeat', dataset='coco', feats=['j']),
    dict(type='UniformSampleFrames', clip_len=clip_len, num_clips=1, test_mode=True),
    dict(type='PoseDecode'),
    dict(type='FormatGCNInput', num_person=1),
    dict(type='PackActionInputs'),
]
_dataset = dict(type=dataset_type, data_root=data_root, ann_file='annotations/skeleton_all.pkl',
                metainfo=dict(classes=classes))
train_dataloader = dict(
    batch_size=16, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(_dataset, split='split0_train', pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=16, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_dataset, split='split0_val', pipeline=test_pipeline, test_mode=True))
test_dataloader = dict(
    batch_size=16, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_dataset, split='split0_test', pipeline=test_pipeline, test_mode=True))
