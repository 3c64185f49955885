# CPU benchmark for thesis Fig. 7.7: a one-class conv VAE trained on procedural "1"s; anomaly
# attention (SA, DA) and the reconstruction difference are scored against the top-bar masks of
# the "7"s (pixel AUROC / best IoU pooled over all test digits). Data:
#   python tools/data/make_synthetic.py digits
_base_ = [
    './_base_/models/convvae_mnist.py', './_base_/datasets/synthetic_digits_oneclass.py',
    './_base_/anomaly_runtime.py'
]
model = dict(maps=('sa', 'da', 'diffmap'), traversal=dict(steps=8, s_max=3.0))
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
