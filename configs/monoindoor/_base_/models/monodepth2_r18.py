# Monodepth2 (thesis baseline, Tables 5.1-5.8): ResNet-18 depth network with a fixed depth range,
# single-stage ResNet-18 pose network, photometric (SSIM + L1, min reprojection, auto-mask) and
# edge-aware smoothness losses. ``pretrained`` is a LOCAL torchvision-layout ImageNet ResNet-18
# state dict (nothing is downloaded; see configs/monoindoor/README.md), loaded when training
# starts; the synthetic CPU configs train from scratch (pretrained=None).
imagenet = 'checkpoints/resnet18_imagenet_torchvision.pth'
model = dict(
    type='SelfSupDepthModel',
    depth_encoder=dict(type='DepthResNetEncoder', depth=18, pretrained=imagenet),
    depth_decoder=dict(type='DepthDecoder', scales=(0, 1, 2, 3)),
    depth_head=dict(type='FixedRangeDepthHead', min_depth=0.1, max_depth=10.0),
    pose_module=dict(
        type='ResidualPoseModule',
        encoder=dict(type='PoseResNetEncoder', depth=18, num_input_images=2,
                     pretrained=imagenet),
        decoder=dict(type='PoseDecoder', out_scale=0.01),
        num_iters=0),
    photometric_loss=dict(type='PhotometricLoss', alpha=0.85, min_reprojection=True,
                          automask=True),
    smoothness_loss=dict(type='SmoothnessLoss', loss_weight=1e-3),
    frame_ids=(0, -1, 1),
    input_size=(256, 320),
    data_preprocessor=dict(type='DepthDataPreprocessor', size_divisor=32))
