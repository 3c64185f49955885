# Thesis Table 7.5: anomaly distribution attention (32 NDD codes, sigma-refined mean map) at
# encoder conv2 of the one-class UCSD Ped1 VAE; SA of the same model is reported beside it.
_base_ = [
    './_base_/models/convvae_ucsdped1.py', './_base_/datasets/ucsd_ped1.py',
    './_base_/schedules/adam1e-3_50e.py', './_base_/anomaly_runtime.py'
]
model = dict(maps=('da', 'sa'))
val_evaluator = [
    dict(type='PixelAUROC'), dict(type='BestIoU'), dict(type='PixelAUROC', map_key='sa_map'),
    dict(type='ImageAUROC')
]
test_evaluator = val_evaluator
