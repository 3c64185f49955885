"""Relative camera pose errors of frame pairs (thesis Table 5.6; DeepV2D's metric as used by
P2Net; spec §5.2).

For a ground-truth pose ``(R1, t1)`` and a prediction ``(R2, t2)`` (target -> source
transforms):

* ``rot`` = ``arccos(min(1, (trace(R1^T R2) - 1) / 2))`` in degrees;
* ``tr_deg`` = angle between ``t1`` and ``t2`` in degrees (translation direction);
* ``tr_cm`` = ``100 |t_a - s t_b|`` with the least-squares scale ``s = (t_a . t_b) / (t_b . t_b)``
  (monocular translation has no scale); ``fit='gt_to_pred'`` scales the ground truth onto the
  prediction as the public P2Net evaluator does, ``'pred_to_gt'`` the other way.

Means over all pairs.
"""
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from mmengine.evaluator import BaseMetric

from thesiscv.registry import METRICS
from .depth_metric import _to_numpy


def rotation_angle_deg(rot: np.ndarray) -> np.ndarray:
    """Angle of ``(..., 3, 3)`` rotation matrices in degrees."""
    cos = (np.trace(rot, axis1=-2, axis2=-1) - 1) / 2
    return np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))


def sample_poses(sample: dict, metric: str) -> Tuple[np.ndarray, np.ndarray]:
    """``(S, 4, 4)`` predicted and ground-truth poses of a data sample (float64)."""
    if 'pred_pose' not in sample or 'gt_pose' not in sample:
        raise KeyError(f'{metric} needs pred_pose and gt_pose: evaluate a dataset in '
                       "mode='pose' (frame pairs with camera poses)")
    return (_to_numpy(sample['pred_pose']).reshape(-1, 4, 4).astype(np.float64),
            _to_numpy(sample['gt_pose']).reshape(-1, 4, 4).astype(np.float64))


def relative_pose_errors(gt: np.ndarray, pred: np.ndarray,
                         fit: str = 'gt_to_pred') -> Dict[str, float]:
    """Errors of one ``(4, 4)`` prediction against its ``(4, 4)`` ground truth."""
    rot = float(rotation_angle_deg(gt[:3, :3].T @ pred[:3, :3]))
    t1, t2 = gt[:3, 3], pred[:3, 3]
    n1, n2 = np.linalg.norm(t1), np.linalg.norm(t2)
    tr_deg = float(np.degrees(np.arccos(np.clip(t1 @ t2 / max(n1 * n2, 1e-12), -1, 1))))
    target, source = (t2, t1) if fit == 'gt_to_pred' else (t1, t2)
    scale = target @ source / max(source @ source, 1e-12)
    tr_cm = float(100 * np.linalg.norm(target - scale * source))
    return dict(rot=rot, tr_deg=tr_deg, tr_cm=tr_cm)


@METRICS.register_module()
class RelativePoseMetric(BaseMetric):
    """Rotation and translation errors of ``pred_pose`` against ``gt_pose`` per frame pair.

    Args:
        fit: ``'gt_to_pred'`` (P2Net-compatible) or ``'pred_to_gt'`` scale fit of ``tr_cm``.
        prefix: metric name prefix (default ``pose``).
    """
    default_prefix = 'pose'

    def __init__(self, fit: str = 'gt_to_pred', collect_device: str = 'cpu',
                 prefix: Optional[str] = None):
        super().__init__(collect_device=collect_device, prefix=prefix)
        if fit not in ('gt_to_pred', 'pred_to_gt'):
            raise KeyError(f"RelativePoseMetric fit must be 'gt_to_pred' or 'pred_to_gt', got "
                           f'{fit!r}')
        self.fit = fit

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        for sample in data_samples:
            preds, gts = sample_poses(sample, 'RelativePoseMetric')
            self.results += [relative_pose_errors(gt, pred, self.fit)
                             for gt, pred in zip(gts, preds)]

    def compute_metrics(self, results: List[dict]) -> Dict[str, float]:
        return {key: float(np.mean([r[key] for r in results])) for key in results[0]}
