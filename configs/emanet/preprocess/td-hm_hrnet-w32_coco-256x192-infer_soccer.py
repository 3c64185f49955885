# S2 of EMA-Net's preprocessing (spec §2.2, §6.1): COCO-17 keypoints of every detected person by
# mmpose's top-down HRNet-W32 (the stand-in for the thesis's Keypoint R-CNN), packaged config.
# Weights: mmpose's COCO checkpoint as a local file (--pose-checkpoint ...); the ImageNet init
# of the backbone (a download) is switched off.
_base_ = ['mmpose::body_2d_keypoint/topdown_heatmap/coco/'
          'td-hm_hrnet-w32_8xb64-210e_coco-256x192.py']
default_scope = 'thesiscv'
model = dict(type='mmpose.TopdownPoseEstimator', backbone=dict(init_cfg=None))
# keypoint names, flip pairs: mmpose's COCO meta file
metainfo = 'configs/_base_/datasets/coco.py'
