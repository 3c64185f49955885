# 3D-ResNet-18 of Hara et al. / Kataoka et al. (Tables 2.6-2.8) as mmaction2's ResNet3d + I3DHead
# (spec §5.1): full 3x3x3 convolutions, 7x7x7 stem with temporal stride 1, temporal pooling after
# the stem. Kinetics weights (converted r3d_18 / Hara weights, local file):
#   --cfg-options model.backbone.pretrained=checkpoints/r3d_18_kinetics_mmaction.pth
# frozen_stages=2: the thesis fine-tunes "mainly the last convolutional blocks and the FC".
model = dict(
    type='mmaction.Recognizer3D',
    backbone=dict(type='ResNet3d', depth=18, pretrained=None, pretrained2d=False,
                  conv1_kernel=(7, 7, 7), conv1_stride_t=1, pool1_stride_t=2, with_pool2=False,
                  inflate=(1, 1, 1, 1), temporal_strides=(1, 2, 2, 2),
                  spatial_strides=(1, 2, 2, 2), frozen_stages=2, norm_eval=False),
    cls_head=dict(type='I3DHead', in_channels=512, num_classes=6, spatial_type='avg',
                  dropout_ratio=0.5, average_clips='prob'),
    data_preprocessor=dict(type='ActionDataPreprocessor', mean=[123.675, 116.28, 103.53],
                           std=[58.395, 57.12, 57.375], format_shape='NCTHW'))
