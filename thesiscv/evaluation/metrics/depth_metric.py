"""Monocular depth metrics with per-image median scaling and depth caps (thesis §5.4; Eigen et
al. 2014; spec §5.1).

Valid pixels: ``min_depth < gt < max_depth`` inside the optional evaluation crop. Per image:
``pred <- clip(pred * median(gt) / median(pred), min_depth, max_depth)`` (median scaling), then

* AbsRel ``mean |p - g| / g``, SqRel ``mean (p - g)^2 / g``, RMSE ``sqrt(mean (p - g)^2)``,
* RMSE log ``sqrt(mean (log p - log g)^2)``, log10 ``mean |log10 p - log10 g|``,
* ``a_k``: share of pixels with ``max(p/g, g/p) < 1.25^k`` (k = 1, 2, 3);

averaged over images. ``scale_ratio`` (``median(gt) / median(pred)``, 1 for a metric
prediction) can be reported too.
"""
from typing import Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import torch
from mmengine.evaluator import BaseMetric
from mmengine.logging import print_log

from thesiscv.registry import METRICS

METRIC_NAMES = ('abs_rel', 'sq_rel', 'rmse', 'rmse_log', 'log10', 'a1', 'a2', 'a3', 'scale_ratio')

#: Eigen et al.'s NYUv2 crop (rows 45:471, cols 41:601 of 480 x 640) as fractions of the size.
EIGEN_NYU_CROP = (45 / 480, 471 / 480, 41 / 640, 601 / 640)


def depth_errors(pred: np.ndarray, gt: np.ndarray) -> Dict[str, float]:
    """The metrics of 1-D arrays of matched, valid, positive depths."""
    thresh = np.maximum(pred / gt, gt / pred)
    diff = pred - gt
    log_diff = np.log(pred) - np.log(gt)
    return dict(abs_rel=float(np.mean(np.abs(diff) / gt)),
                sq_rel=float(np.mean(diff**2 / gt)),
                rmse=float(np.sqrt(np.mean(diff**2))),
                rmse_log=float(np.sqrt(np.mean(log_diff**2))),
                log10=float(np.mean(np.abs(np.log10(pred) - np.log10(gt)))),
                a1=float(np.mean(thresh < 1.25)),
                a2=float(np.mean(thresh < 1.25**2)),
                a3=float(np.mean(thresh < 1.25**3)))


def crop_mask(shape: Tuple[int, int], crop: Optional[Sequence[float]]) -> np.ndarray:
    """Boolean mask of the evaluation crop ``(top, bottom, left, right)`` given as fractions."""
    mask = np.zeros(shape, dtype=bool)
    if crop is None:
        mask[:] = True
        return mask
    h, w = shape
    top, bottom, left, right = crop
    rows = slice(int(round(top * h)), int(round(bottom * h)))
    cols = slice(int(round(left * w)), int(round(right * w)))
    mask[rows, cols] = True
    return mask


def evaluate_depth(pred: np.ndarray, gt: np.ndarray, min_depth: float = 0.1,
                   max_depth: float = 10.0, crop: Optional[Sequence[float]] = None,
                   median_scaling: bool = True) -> Optional[Dict[str, float]]:
    """Metrics of one ``(H, W)`` prediction against its ``(H, W)`` ground truth.

    Returns None when the image has no valid ground-truth pixel.
    """
    if pred.shape != gt.shape:
        raise ValueError(f'prediction {pred.shape} and ground truth {gt.shape} differ in size')
    valid = (gt > min_depth) & (gt < max_depth) & crop_mask(gt.shape, crop)
    if not valid.any():
        return None
    pred, gt = pred[valid].astype(np.float64), gt[valid].astype(np.float64)
    ratio = float(np.median(gt) / max(np.median(pred), 1e-12))
    if median_scaling:
        pred = pred * ratio
    pred = np.clip(pred, min_depth, max_depth)
    return dict(depth_errors(pred, gt), scale_ratio=ratio)


def _to_numpy(x: Union[torch.Tensor, np.ndarray]) -> np.ndarray:
    return x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)


@METRICS.register_module()
class DepthMetric(BaseMetric):
    """AbsRel, SqRel, RMSE, RMSE log, log10 and delta accuracies of ``pred_depth`` vs
    ``gt_depth``.

    Args:
        min_depth, max_depth: valid ground-truth range and prediction caps (0.1 m and 10 m
            indoors; 20 m on EuRoC).
        crop: ``'eigen_nyu'``, a ``(top, bottom, left, right)`` tuple of fractions, or None.
        median_scaling: per-image median scaling (self-supervised predictions have no scale).
        metrics: which metrics to report.
        prefix: metric name prefix (default ``depth``).
    """
    default_prefix = 'depth'

    def __init__(self, min_depth: float = 0.1, max_depth: float = 10.0,
                 crop: Union[str, Sequence[float], None] = None, median_scaling: bool = True,
                 metrics: Sequence[str] = ('abs_rel', 'sq_rel', 'rmse', 'rmse_log', 'a1', 'a2',
                                           'a3'),
                 collect_device: str = 'cpu', prefix: Optional[str] = None):
        super().__init__(collect_device=collect_device, prefix=prefix)
        unknown = set(metrics) - set(METRIC_NAMES)
        if unknown:
            raise KeyError(f'DepthMetric: unknown metrics {sorted(unknown)}; choose from '
                           f'{METRIC_NAMES}')
        if isinstance(crop, str):
            if crop != 'eigen_nyu':
                raise KeyError(f"DepthMetric crop must be 'eigen_nyu', a tuple or None, got "
                               f'{crop!r}')
            crop = EIGEN_NYU_CROP
        self.crop = crop
        self.min_depth, self.max_depth = min_depth, max_depth
        self.median_scaling = median_scaling
        self.metrics = tuple(metrics)

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        for sample in data_samples:
            if 'gt_depth' not in sample:
                raise KeyError('DepthMetric needs gt_depth in the data samples: add '
                               'LoadDepthGT to the test pipeline')
            errors = evaluate_depth(_to_numpy(sample['pred_depth']),
                                    _to_numpy(sample['gt_depth']), self.min_depth,
                                    self.max_depth, self.crop, self.median_scaling)
            self.results.append(errors)

    def compute_metrics(self, results: List[Optional[dict]]) -> Dict[str, float]:
        valid = [r for r in results if r is not None]
        if len(valid) < len(results):
            print_log(f'DepthMetric: {len(results) - len(valid)} of {len(results)} images have '
                      'no valid ground truth and are left out of the averages',
                      logger='current', level=30)
        if not valid:
            raise ValueError('DepthMetric: no image has valid ground-truth depth')
        return {name: float(np.mean([r[name] for r in valid])) for name in self.metrics}
