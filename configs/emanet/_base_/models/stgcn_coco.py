# ST-GCN of Yan et al. (Tables 2.6-2.8) as mmaction2's RecognizerGCN + STGCN + GCNHead on the
# COCO-17 graph of the player of interest.
model = dict(
    type='mmaction.RecognizerGCN',
    backbone=dict(type='STGCN', graph_cfg=dict(layout='coco', mode='stgcn_spatial')),
    cls_head=dict(type='GCNHead', num_classes=6, in_channels=256))
