# The player-of-interest COCO-17 keypoint tracks for the skeleton baselines: all six classes,
# split 0 (annotations/skeleton_all.pkl, mmaction2 PoseDataset format). The pipelines come from
# soccer-all_keypoint-gcn.py (ST-GCN) or soccer-all_keypoint-heatmap.py (PoseC3D).
dataset_type = 'mmaction.PoseDataset'
data_root = 'data/soccer'
classes = ('Stepover', 'Elastico', 'Chop', 'Penalty-Kick', 'Goal', 'Free-Kick')
_dataset = dict(type=dataset_type, data_root=data_root, ann_file='annotations/skeleton_all.pkl',
                metainfo=dict(classes=classes))
train_dataloader = dict(
    batch_size=16, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(_dataset, split='split0_train'))
val_dataloader = dict(
    batch_size=16, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_dataset, split='split0_val', test_mode=True))
test_dataloader = dict(
    batch_size=16, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_dataset, split='split0_test', test_mode=True))
