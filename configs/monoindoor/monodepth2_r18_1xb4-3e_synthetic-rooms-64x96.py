# Monodepth2 baseline on the synthetic rooms: same data, schedule and budget as MonoIndoor++.
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monodepth2_r18.py',
    './_base_/datasets/rooms_synthetic_64x96.py', './_base_/schedules/synthetic_3e.py'
]
# from scratch: no ImageNet weights on these machines
model = dict(input_size=(64, 96), depth_encoder=dict(pretrained=None),
             pose_module=dict(encoder=dict(pretrained=None)))
