# MonoIndoor++ on NYUv2 (thesis Tables 5.1, 5.8 full row):
# RP + DF + CC + L_d (gamma 0.035), 40 epochs, batch 12, ImageNet init.
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monoindoorpp_r18.py',
    './_base_/datasets/nyuv2_320x256.py', './_base_/schedules/adam_40e.py'
]
model = dict(input_size=(256, 320), scale_net=dict(feat_size=(8, 10)))
