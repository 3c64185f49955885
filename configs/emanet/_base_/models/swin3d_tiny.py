# Video Swin Transformer, tiny (Liu et al., Tables 2.6-2.8; the variant is not stated) as
# mmaction2's SwinTransformer3D + I3DHead; the last two stages are fine-tuned (frozen_stages=2).
# Kinetics weights: model.backbone.pretrained=<local .pth> (pretrained2d=False for video weights).
model = dict(
    type='mmaction.Recognizer3D',
    backbone=dict(type='SwinTransformer3D', arch='tiny', pretrained=None, pretrained2d=False,
                  patch_size=(2, 4, 4), window_size=(8, 7, 7), mlp_ratio=4., qkv_bias=True,
                  qk_scale=None, drop_rate=0., attn_drop_rate=0., drop_path_rate=0.1,
                  patch_norm=True, frozen_stages=2),
    cls_head=dict(type='I3DHead', in_channels=768, num_classes=6, spatial_type='avg',
                  dropout_ratio=0.5, average_clips='prob'),
    data_preprocessor=dict(type='ActionDataPreprocessor', mean=[123.675, 116.28, 103.53],
                           std=[58.395, 57.12, 57.375], format_shape='NCTHW'))
