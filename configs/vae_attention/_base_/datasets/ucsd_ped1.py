# UCSD Ped1 (data/UCSD_Anomaly_Dataset.v1p2/UCSDped1): grayscale frames resized to 100x100;
# pixel AUROC pooled over the test frames that have pixel masks (Tables 7.1, 7.5).
data_root = 'data/UCSD_Anomaly_Dataset.v1p2/UCSDped1'
train_pipeline = [
    dict(type='mmcv.LoadImageFromFile', color_type='grayscale'),
    dict(type='mmcv.Resize', scale=(100, 100), keep_ratio=False),
    dict(type='PackVAEInputs')]
test_pipeline = [
    dict(type='mmcv.LoadImageFromFile', color_type='grayscale'),
    dict(type='LoadAnomalyMask'),
    dict(type='mmcv.Resize', scale=(100, 100), keep_ratio=False),
    dict(type='PackVAEInputs')]
train_dataloader = dict(
    batch_size=64, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type='UCSDPedDataset', data_root=data_root, split='train',
                 pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=32, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='UCSDPedDataset', data_root=data_root, split='test',
                 only_with_pixel_gt=True, pipeline=test_pipeline))
test_dataloader = val_dataloader
val_evaluator = [dict(type='PixelAUROC'), dict(type='BestIoU'), dict(type='ImageAUROC')]
test_evaluator = val_evaluator
