# dSprites (data/dsprites/dsprites_ndarray_co1sh3sc6or40x32y32_64x64.npz). Training draws
# batches of 128 (split in two halves by FactorVAE); validation scores a random 50,000-image
# subset, testing the whole set, with the Kim & Mnih metric and the reconstruction error.
data_root = 'data/dsprites'
ann_file = 'dsprites_ndarray_co1sh3sc6or40x32y32_64x64.npz'
pipeline = [dict(type='PackVAEInputs')]
train_dataloader = dict(
    batch_size=128, num_workers=2, persistent_workers=True,
    sampler=dict(type='InfiniteSampler', shuffle=True),
    dataset=dict(type='DSpritesDataset', data_root=data_root, ann_file=ann_file,
                 pipeline=pipeline))
val_dataloader = dict(
    batch_size=256, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='DSpritesDataset', data_root=data_root, ann_file=ann_file,
                 subset_size=50000, pipeline=pipeline))
test_dataloader = dict(
    batch_size=256, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='DSpritesDataset', data_root=data_root, ann_file=ann_file,
                 pipeline=pipeline))
val_evaluator = [dict(type='FactorVAEMetric'), dict(type='ReconstructionError')]
test_evaluator = val_evaluator
