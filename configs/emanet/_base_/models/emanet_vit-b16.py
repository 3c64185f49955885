# EMA-Net with a ViT-B/16 extractor shared by the energy image and the 16 mask frames
# (thesis Fig. 2.1; spec §6.5 defaults). ImageNet ViT weights (mmpretrain layout, local file):
#   --cfg-options model.extractor.init_cfg.type=Pretrained \
#                 model.extractor.init_cfg.checkpoint=checkpoints/vit-base-p16_in21k-pre_in1k.pth \
#                 model.extractor.init_cfg.prefix=backbone.
model = dict(
    type='EMANet',
    num_frames=16,
    data_preprocessor=dict(type='EMADataPreprocessor', mean=0.5, std=0.5, num_channels=3),
    extractor=dict(type='SelfAttentiveFeatureExtractor', arch='base', img_size=224,
                   patch_size=16, out_dim=768, drop_path_rate=0.1, with_cp=False, init_cfg=None),
    share_extractor=True, use_energy=True, use_motion=True,
    motion_module=dict(type='SelfAttentiveMotionModule', in_dims=768, embed_dims=768,
                       num_layers=6, num_heads=8, mlp_ratio=4, drop_rate=0.1,
                       max_frames=16, pool='cls'),
    aggregator=dict(type='EnergyMotionAggregation', energy_dims=768, motion_dims=768,
                    token_mode='split', num_tokens=8, scale=True, bias=True),
    cls_head=dict(type='EMAClsHead', in_channels=768, hidden_channels=256, num_classes=6,
                  dropout_ratio=0.5, loss_cls=dict(type='mmaction.CrossEntropyLoss')))
