# Soccer highlights, all six classes (Table 2.8), split 0 of 5, EMA-Net inputs at 224 x 224:
# the cached energy image and 16 player-mask crops per sample (spec §2.5-2.7, §2.10).
# Other splits: --cfg-options train_dataloader.dataset.split=K val_dataloader.dataset.split=K
#               test_dataloader.dataset.split=K   (tools/data/soccer/run_splits.py does it)
dataset_type = 'SoccerHighlightDataset'
data_root = 'data/soccer'
img_size = 224
num_frames = 16

train_pipeline = [
    dict(type='SampleMaskFrames', num_frames=num_frames),
    dict(type='LoadSoccerMasks', with_ball=True),
    dict(type='PlayerMaskCrop', size=img_size, scale=1.2),
    dict(type='EnergyImageTransform', size=img_size, use_cache=True),
    dict(type='SyncRandomFlip', prob=0.5),
    dict(type='SyncRandomResizedCrop', scale=(0.8, 1.0), ratio=(3 / 4, 4 / 3)),
    dict(type='PackEMAInputs'),
]
test_pipeline = [
    dict(type='SampleMaskFrames', num_frames=num_frames, test_mode=True),
    dict(type='LoadSoccerMasks', with_ball=True),
    dict(type='PlayerMaskCrop', size=img_size, scale=1.2),
    dict(type='EnergyImageTransform', size=img_size, use_cache=True),
    dict(type='PackEMAInputs'),
]
_dataset = dict(type=dataset_type, data_root=data_root, task='all', split=0,
                registration_mode='translation')
train_dataloader = dict(
    batch_size=8, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(_dataset, subset='train', pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=8, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_dataset, subset='val', pipeline=test_pipeline, test_mode=True))
test_dataloader = dict(
    batch_size=8, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_dataset, subset='test', pipeline=test_pipeline, test_mode=True))
