# ST-TR of Plizzari et al. ("ST-RT", Tables 2.6-2.8) as thesiscv's STTRBackbone (spatial and
# temporal self-attention over the COCO-17 joints of the player) in mmaction2's RecognizerGCN
# with GCNHead.
model = dict(
    type='mmaction.RecognizerGCN',
    backbone=dict(type='thesiscv.STTRBackbone', in_channels=3, num_joints=17, embed_dims=64,
                  num_stages=4, num_heads=4, max_frames=32),
    cls_head=dict(type='GCNHead', num_classes=6, in_channels=64))
