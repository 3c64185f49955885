"""S2: keypoints by an mmpose top-down model on the person boxes (spec §2.2, §6.1), batched.

``mmpose.apis`` (``init_model`` / ``inference_topdown``) cannot be imported here (it needs
torchvision), so this module is the thin glue it would have been, written once: each person
box goes through mmpose's own transforms (``GetBBoxCenterScale`` -> ``TopdownAffine`` ->
``PackPoseInputs``, by scope), the crops of many boxes are batched through the model's
``test_step``, and the model maps the keypoints back to image coordinates. COCO-17 models
(HRNet, the Keypoint R-CNN stand-in) and Halpe-26 models (RTMPose, the OpenPose BODY_25
stand-in; converted to the BODY_25 order) are both supported.
"""
from typing import List, Optional

import numpy as np
import torch
from mmengine.dataset import Compose, pseudo_collate

from thesiscv.registry import TRANSFORMS

from .keypoints import HALPE26_TO_BODY25
from .models import build_inference_model

LAYOUTS = ('coco17', 'halpe26')


class TopdownPoseEstimator:
    """Keypoints of every given person box.

    Args:
        config: pose config with ``model``, ``codec`` (``input_size``) and ``dataset_info``
            file (``metainfo``, for flip tests).
        checkpoint: local checkpoint (None: random weights, for tests).
        device: torch device.
        layout: ``'coco17'`` or ``'halpe26'`` (output converted to BODY_25 order).
        batch_size: person crops per forward pass.
    """

    def __init__(self, config: str, checkpoint: Optional[str] = None, device: str = 'cpu',
                 layout: str = 'coco17', batch_size: int = 32):
        if layout not in LAYOUTS:
            raise ValueError(f'pose layout must be one of {LAYOUTS}, got {layout!r}')
        self.model, cfg = build_inference_model(config, checkpoint, device,
                                                f'{layout} pose estimator')
        from mmpose.datasets.datasets.utils import parse_pose_metainfo
        self.meta = parse_pose_metainfo(dict(from_file=cfg.metainfo))
        self.model.dataset_meta = self.meta
        self.pipeline = Compose([
            TRANSFORMS.build(dict(type='mmpose.GetBBoxCenterScale')),
            TRANSFORMS.build(dict(type='mmpose.TopdownAffine', input_size=cfg.codec.input_size)),
            TRANSFORMS.build(dict(type='mmpose.PackPoseInputs'))])
        self.layout, self.batch_size = layout, batch_size

    @torch.no_grad()
    def __call__(self, frames: np.ndarray, boxes: List[np.ndarray]) -> List[dict]:
        """Per frame ``dict(bboxes, keypoints (K, J, 2), keypoint_scores (K, J))``."""
        items = [(j, box) for j, frame_boxes in enumerate(boxes) for box in frame_boxes]
        kpts, scores = [], []
        for start in range(0, len(items), self.batch_size):
            data = [self.pipeline(dict(img=frames[j], bbox=box[None].astype(np.float32),
                                       bbox_score=np.ones(1, np.float32),
                                       img_shape=frames[j].shape[:2],
                                       flip_indices=self.meta['flip_indices']))
                    for j, box in items[start:start + self.batch_size]]
            for sample in self.model.test_step(pseudo_collate(data)):
                kpts.append(sample.pred_instances.keypoints[0])
                scores.append(sample.pred_instances.keypoint_scores[0])
        num = len(self.meta['flip_indices'])
        kpts = np.asarray(kpts, np.float32).reshape(-1, num, 2)
        scores = np.asarray(scores, np.float32).reshape(-1, num)
        if self.layout == 'halpe26':
            kpts, scores = kpts[:, HALPE26_TO_BODY25], scores[:, HALPE26_TO_BODY25]
        out, offset = [], 0
        for frame_boxes in boxes:
            k = len(frame_boxes)
            out.append(dict(bboxes=np.asarray(frame_boxes, np.float32).reshape(k, 4),
                            keypoints=kpts[offset:offset + k],
                            keypoint_scores=scores[offset:offset + k]))
            offset += k
        return out
