# Monodepth2 baseline on NYUv2 (thesis Tables 5.1, 5.8 row 1), 40 epochs, batch 12, ImageNet init.
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monodepth2_r18.py',
    './_base_/datasets/nyuv2_320x256.py', './_base_/schedules/adam_40e.py'
]
model = dict(input_size=(256, 320))
