# Monodepth2 baseline on the synthetic rooms: same data, schedule and budget as MonoIndoor++.
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monodepth2_r18.py',
    './_base_/datasets/rooms_synthetic_64x96.py', './_base_/schedules/synthetic_3e.py'
]
# from scratch: no ImageNet weights on these machines; the untrained network predicts 2.5 m
# (about the rooms' median depth) instead of PyTorch's default 0.2 m (see README, diagnosis).
# Half-width ResNet-18s (base_channels 32): twice the training steps per CPU-minute.
# The pose translation is read at 10x Monodepth2's output scale (translation_scale 0.1):
# at 0.01 the from-scratch pose network explains sideways motion by rotation and the depth
# collapses to one value (README, Results).
model = dict(input_size=(64, 96), init_depth=2.5,
             depth_encoder=dict(pretrained=None, base_channels=32),
             pose_module=dict(encoder=dict(pretrained=None, base_channels=32),
                              decoder=dict(translation_scale=0.1)))
