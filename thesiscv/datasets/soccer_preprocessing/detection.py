"""S1: player and ball detection with masks by a COCO Mask R-CNN (spec §2.1), batched.

The detector is mmdet's ``MaskRCNN`` built from a config (``configs/emanet/preprocess/
mask-rcnn_r50-fpn_coco-infer_soccer.py`` inherits mmdet's packaged R50-FPN config) with local
COCO weights. Frames go through the config's ``test_pipeline`` (mmdet transforms by scope) and
``model.test_step`` in batches. Kept per frame: persons (COCO label 0) with score > 0.5 and
sports balls (label 32) with score > 0.4, with boxes, scores and RLE masks (binarised at
mmdet's ``mask_thr_binary``).
"""
from typing import List, Optional

import numpy as np
import torch
from mmengine.dataset import Compose, pseudo_collate
from pycocotools import mask as mask_utils

from thesiscv.registry import TRANSFORMS

from .association import BALL, PERSON
from .models import build_inference_model


class MaskRCNNDetector:
    """Run a Mask R-CNN on frames and keep persons and balls.

    Args:
        config: detector config with ``model`` and ``test_pipeline``.
        checkpoint: local COCO checkpoint (None: random weights, for tests).
        device: torch device.
        person_thr: person score threshold (thesis 0.5).
        ball_thr: sports-ball score threshold (thesis 0.4).
        batch_size: frames per forward pass.
    """

    def __init__(self, config: str, checkpoint: Optional[str] = None, device: str = 'cpu',
                 person_thr: float = 0.5, ball_thr: float = 0.4, batch_size: int = 4):
        self.model, cfg = build_inference_model(config, checkpoint, device, 'Mask R-CNN detector')
        if 'test_pipeline' not in cfg:
            raise KeyError(f'{config} has no test_pipeline (mmdet transforms from an image array '
                           'to PackDetInputs)')
        self.pipeline = Compose([TRANSFORMS.build(t) for t in cfg.test_pipeline])
        self.person_thr, self.ball_thr, self.batch_size = person_thr, ball_thr, batch_size

    @torch.no_grad()
    def __call__(self, frames: np.ndarray) -> List[dict]:
        """Per frame ``dict(bboxes, scores, labels, masks)`` (see the cache format)."""
        batch = pseudo_collate([self.pipeline(dict(img=f, img_id=i)) for i, f in enumerate(frames)])
        results = []
        for sample in self.model.test_step(batch):
            pred = sample.pred_instances
            labels, scores = pred.labels.cpu().numpy(), pred.scores.cpu().numpy()
            keep = (((labels == PERSON) & (scores > self.person_thr))
                    | ((labels == BALL) & (scores > self.ball_thr)))
            masks = pred.masks.cpu().numpy()[keep].astype(np.uint8)
            results.append(dict(
                bboxes=pred.bboxes.cpu().numpy()[keep].astype(np.float32),
                scores=scores[keep].astype(np.float32), labels=labels[keep].astype(np.int64),
                masks=mask_utils.encode(np.asfortranarray(masks.transpose(1, 2, 0)))
                if len(masks) else []))
        return results
