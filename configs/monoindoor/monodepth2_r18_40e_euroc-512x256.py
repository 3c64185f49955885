# Monodepth2 baseline on EuRoC MAV (thesis Tables 5.2, 5.8): fixed range 0.1-20 m, 40 epochs.
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monodepth2_r18.py',
    './_base_/datasets/euroc_512x256.py', './_base_/schedules/adam_40e.py'
]
model = dict(input_size=(256, 512), depth_head=dict(max_depth=20.0))
