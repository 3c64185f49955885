# The MVTec-AD DA experiment (thesis Table 7.4): anomaly DA (32 NDD codes, sigma-refined) of
# the same one-class VAE, with its SA beside it.
_base_ = ['./mvtec_sa.py']
model = dict(maps=('da', 'sa'))
val_evaluator = [
    dict(type='PixelAUROC'), dict(type='BestIoU'), dict(type='PixelAUROC', map_key='sa_map'),
    dict(type='BestIoU', map_key='sa_map'), dict(type='ImageAUROC')
]
test_evaluator = val_evaluator
