# Synthetic defects in the MVTec-AD layout (make_synthetic.py defects), 128x128 inputs.
# Categories: stripes, grid, brick (textures), object, nut, capsule; pick one with
#   --cfg-options train_dataloader.dataset.category=nut val_dataloader.dataset.category=nut
#   test_dataloader.dataset.category=nut
_base_ = ['./mvtec_ad.py']
data_root = 'data/defects_synthetic'
category = 'stripes'
image_size = 128
train_pipeline = [
    dict(type='mmcv.LoadImageFromFile'),
    dict(type='mmcv.Resize', scale=(image_size, image_size), keep_ratio=False),
    dict(type='mmcv.RandomFlip', prob=0.5, direction='horizontal'),
    dict(type='mmcv.RandomFlip', prob=0.5, direction='vertical'),
    dict(type='PackVAEInputs')]
test_pipeline = [
    dict(type='mmcv.LoadImageFromFile'),
    dict(type='LoadAnomalyMask'),
    dict(type='mmcv.Resize', scale=(image_size, image_size), keep_ratio=False),
    dict(type='PackVAEInputs')]
train_dataloader = dict(
    batch_size=16, num_workers=0, persistent_workers=False,
    dataset=dict(data_root=data_root, category=category, pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=16, num_workers=0, persistent_workers=False,
    dataset=dict(data_root=data_root, category=category, pipeline=test_pipeline))
test_dataloader = val_dataloader
