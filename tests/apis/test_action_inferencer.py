"""The whole chapter-2 pipeline on one clip: random Mask R-CNN and HRNet (no checkpoints),
registration and energy image on the fly, and a (random) EMA-Net."""
import json
import os.path as osp

import numpy as np
import torch

from thesiscv.apis.action_inferencer import ActionInferencer
from thesiscv.datasets.synthetic.soccer import generate

from ..conftest import ROOT

PRE = osp.join(ROOT, 'configs', 'emanet', 'preprocess')


def test_clip_to_action_without_annotation(tmp_path):
    generate(str(tmp_path / 'data'), seed=7, clips_per_class=1, max_frames=4, preprocess=False)
    (tmp_path / 'det.py').write_text(
        f"_base_ = ['{PRE}/mask-rcnn_r50-fpn_coco-infer_soccer.py']\n"
        "model = dict(test_cfg=dict(rpn=dict(nms_pre=100, max_per_img=20),\n"
        "                           rcnn=dict(score_thr=0.0, max_per_img=6)))\n"
        "test_pipeline = [dict(type='mmdet.LoadImageFromNDArray'),\n"
        "                 dict(type='mmdet.Resize', scale=(128, 96), keep_ratio=True),\n"
        "                 dict(type='mmdet.PackDetInputs', meta_keys=('img_id', 'ori_shape',\n"
        "                      'img_shape', 'scale_factor'))]\n")
    (tmp_path / 'pose.py').write_text(
        f"_base_ = ['{PRE}/td-hm_hrnet-w32_coco-256x192-infer_soccer.py']\n"
        "codec = dict(type='MSRAHeatmap', input_size=(64, 96), heatmap_size=(16, 24), sigma=2)\n"
        "model = dict(head=dict(decoder=codec), test_cfg=dict(flip_test=False))\n")
    inferencer = ActionInferencer(osp.join(ROOT, 'configs', 'emanet', 'soccer_synthetic.py'),
                                  None, str(tmp_path / 'det.py'), None, str(tmp_path / 'pose.py'),
                                  None, person_thr=0.0, ball_thr=0.0, max_persons=2)
    with torch.no_grad():  # random weights biased towards the COCO person and sports-ball classes
        inferencer.detector.model.roi_head.bbox_head.fc_cls.bias[0] += 9.0
        inferencer.detector.model.roi_head.bbox_head.fc_cls.bias[32] += 7.0
    video = str(tmp_path / 'data' / 'videos' / 'dribbling' / 'chop' / 'chop_0002.mp4')
    result = inferencer(video)
    assert result['label_name'] == inferencer.classes[result['label']]
    assert abs(sum(result['scores'].values()) - 1) < 1e-5 and len(result['scores']) == 6
    assert result['inputs']['masks'].shape == (8, 1, 32, 32)
    assert np.isfinite(result['sample']['det_bboxes']).all(1).any()
    paths = inferencer.write(result, str(tmp_path / 'out'))
    with open(paths['json']) as f:
        assert json.load(f)['label'] == result['label']
    assert osp.getsize(paths['overlay']) > 1000 and osp.getsize(paths['inputs']) > 500
