# MonoIndoor++ on the synthetic rooms, CPU-sized: 64 x 96, ResNet-18 from scratch, batch 4,
# 3 epochs (python tools/data/make_synthetic.py rooms first).
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monoindoorpp_r18.py',
    './_base_/datasets/rooms_synthetic_64x96.py', './_base_/schedules/synthetic_3e.py'
]
# from scratch: no ImageNet weights on these machines; the untrained network predicts the
# relative depth 0.5 (times the untrained scale S of about 5: 2.5 m, as the baseline's config).
# Half-width ResNet-18s (base_channels 32, so the scale net reads 256 channels), as the baseline.
# The pose translation is read at 10x Monodepth2's output scale (translation_scale 0.1):
# at 0.01 the from-scratch pose network explains sideways motion by rotation and the depth
# collapses to one value (README, Results).
model = dict(input_size=(64, 96), init_depth=0.5,
             depth_encoder=dict(pretrained=None, base_channels=32),
             pose_module=dict(encoder=dict(pretrained=None, base_channels=32),
                              decoder=dict(translation_scale=0.1)),
             scale_net=dict(in_channels=256, feat_size=(2, 3)))
