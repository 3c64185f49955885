# MVTec-AD (data/mvtec_anomaly_detection/<category>), 256x256, one model per category.
# Training augmentation (spec 2.6.3): horizontal and vertical flips (p=0.5 each) and a rotation
# of up to +-15 degrees (mmdet's Rotate: 11 magnitude levels, random sign). Categories whose
# defects augmentation could imitate can drop steps from train_pipeline.
data_root = 'data/mvtec_anomaly_detection'
category = 'bottle'
image_size = 256
train_pipeline = [
    dict(type='mmcv.LoadImageFromFile'),
    dict(type='mmcv.Resize', scale=(image_size, image_size), keep_ratio=False),
    dict(type='mmcv.RandomFlip', prob=0.5, direction='horizontal'),
    dict(type='mmcv.RandomFlip', prob=0.5, direction='vertical'),
    dict(type='mmdet.Rotate', prob=1.0, max_mag=15.0, reversal_prob=0.5, img_border_value=0),
    dict(type='PackVAEInputs')]
test_pipeline = [
    dict(type='mmcv.LoadImageFromFile'),
    dict(type='LoadAnomalyMask'),
    dict(type='mmcv.Resize', scale=(image_size, image_size), keep_ratio=False),
    dict(type='PackVAEInputs')]
train_dataloader = dict(
    batch_size=16, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type='MVTecADDataset', data_root=data_root, category=category, split='train',
                 pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=16, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='MVTecADDataset', data_root=data_root, category=category, split='test',
                 pipeline=test_pipeline))
test_dataloader = val_dataloader
val_evaluator = [dict(type='PixelAUROC'), dict(type='BestIoU'), dict(type='ImageAUROC')]
test_evaluator = val_evaluator
