# CPU benchmark for thesis Tables 7.2-7.4: a one-class ResNet-18 VAE per synthetic category
# (MVTec layout, 128x128), scored with anomaly SA, anomaly DA (sigma-refined) and the
# reconstruction difference. Data: python tools/data/make_synthetic.py defects
# Category (stripes, grid, brick, object):
#   --cfg-options train_dataloader.dataset.category=grid test_dataloader.dataset.category=grid
#   val_dataloader.dataset.category=grid
_base_ = [
    './_base_/models/resnet18vae_mvtec.py', './_base_/datasets/synthetic_defects.py',
    './_base_/anomaly_runtime.py'
]
model = dict(vae=dict(input_size=128), maps=('sa', 'da', 'diffmap'))
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-3))
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=20, val_interval=20)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
custom_hooks = [dict(type='NormalStatsHook', interval=20)]
default_hooks = dict(checkpoint=dict(interval=20))
val_evaluator = [
    dict(type='PixelAUROC', map_key='sa_map'), dict(type='BestIoU', map_key='sa_map'),
    dict(type='PixelAUROC', map_key='da_map'), dict(type='BestIoU', map_key='da_map'),
    dict(type='PixelAUROC', map_key='diffmap'), dict(type='BestIoU', map_key='diffmap'),
    dict(type='ImageAUROC')
]
test_evaluator = val_evaluator
