# R(2+1)D-34 of Tran et al. (Table 2.6) as mmaction2's ResNet2Plus1d + I3DHead (the thesis does
# not give the depth; mmaction2's zoo model is 34). BatchNorm instead of SyncBN so that it also
# runs in one process on CPU. Kinetics weights: model.backbone.pretrained=<local .pth>.
model = dict(
    type='mmaction.Recognizer3D',
    backbone=dict(type='ResNet2Plus1d', depth=34, pretrained=None, pretrained2d=False,
                  norm_eval=False, conv_cfg=dict(type='Conv2plus1d'),
                  norm_cfg=dict(type='BN3d', requires_grad=True, eps=1e-3),
                  conv1_kernel=(3, 7, 7), conv1_stride_t=1, pool1_stride_t=1,
                  inflate=(1, 1, 1, 1), spatial_strides=(1, 2, 2, 2),
                  temporal_strides=(1, 2, 2, 2), zero_init_residual=False, frozen_stages=2),
    cls_head=dict(type='I3DHead', in_channels=512, num_classes=3, spatial_type='avg',
                  dropout_ratio=0.5, init_std=0.01, average_clips='prob'),
    data_preprocessor=dict(type='ActionDataPreprocessor', mean=[123.675, 116.28, 103.53],
                           std=[58.395, 57.12, 57.375], format_shape='NCTHW'))
