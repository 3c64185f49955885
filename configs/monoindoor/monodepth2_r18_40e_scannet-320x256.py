# Monodepth2 baseline on ScanNet (thesis Tables 5.4, 5.8 row 1), 40 epochs, batch 12, ImageNet init.
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monodepth2_r18.py',
    './_base_/datasets/scannet_320x256.py', './_base_/schedules/adam_40e.py'
]
model = dict(input_size=(256, 320))
