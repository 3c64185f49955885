# S1 of EMA-Net's preprocessing (thesis §2.3.1, spec §2.1): a COCO Mask R-CNN R50-FPN, mmdet's
# packaged config, run by tools/data/soccer/preprocess.py on every frame. Weights: the COCO
# checkpoint from mmdet's model zoo, downloaded elsewhere and passed as a local file
# (--det-checkpoint checkpoints/mask_rcnn_r50_fpn_1x_coco.pth); nothing is downloaded here, so
# the ImageNet init of the backbone (torchvision://resnet50) is switched off.
_base_ = ['mmdet::mask_rcnn/mask-rcnn_r50_fpn_1x_coco.py']
default_scope = 'thesiscv'
model = dict(type='mmdet.MaskRCNN', backbone=dict(init_cfg=None))
# frames come as arrays (BGR, from the video reader)
test_pipeline = [
    dict(type='mmdet.LoadImageFromNDArray'),
    dict(type='mmdet.Resize', scale=(1333, 800), keep_ratio=True),
    dict(type='mmdet.PackDetInputs',
         meta_keys=('img_id', 'ori_shape', 'img_shape', 'scale_factor')),
]
