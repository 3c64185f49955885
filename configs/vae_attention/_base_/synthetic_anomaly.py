# The CPU-sized schedule of the synthetic anomaly benchmarks (20 epochs of Adam 1e-3) and the
# metrics of all three maps; experiments set `model = dict(maps=('sa', 'da', 'diffmap'))` and
# `val_evaluator = {{_base_.all_map_metrics}}`.
_base_ = ['./anomaly_runtime.py']
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-3))
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=20, val_interval=20)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
all_map_metrics = [
    dict(type='PixelAUROC', map_key='sa_map'), dict(type='BestIoU', map_key='sa_map'),
    dict(type='PixelAUROC', map_key='da_map'), dict(type='BestIoU', map_key='da_map'),
    dict(type='PixelAUROC', map_key='diffmap'), dict(type='BestIoU', map_key='diffmap'),
    dict(type='ImageAUROC')
]
