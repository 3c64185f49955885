# Monodepth2 baseline on the synthetic rooms: same data and schedule as MonoIndoor++.
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monodepth2_r18.py',
    './_base_/datasets/rooms_synthetic_64x96.py', './_base_/schedules/synthetic_8e.py'
]
model = dict(input_size=(64, 96))
