"""Trajectory errors ATE and RPE of chained frame-to-frame poses (thesis Table 5.3, EuRoC;
Zhan et al. 2020; spec §5.2).

The predicted target -> source transforms ``M_i`` of consecutive pairs ``(i, i+1)`` of each
sequence are chained into camera-to-world poses ``P_{i+1} = P_i M_i^-1`` (and likewise the
ground truth). With ``ate_mode='full'`` the whole predicted trajectory is aligned to the ground
truth by a 7-DoF similarity (Umeyama) and ATE is the RMSE of the aligned camera positions;
``'snippet5'`` does the same on every 5-frame snippet and averages (SfMLearner's protocol).
RPE: per consecutive pair, the translation error after the alignment scale (metres) and the
rotation angle error (degrees), averaged.
"""
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from mmengine.evaluator import BaseMetric

from thesiscv.registry import METRICS
from .pose_relative_metric import rotation_angle_deg, sample_poses


def umeyama(source: np.ndarray, target: np.ndarray) -> Tuple[float, np.ndarray, np.ndarray]:
    """Similarity ``(s, R, t)`` minimizing ``|target - (s R source + t)|^2`` over ``(N, 3)``
    point sets."""
    mu_s, mu_t = source.mean(0), target.mean(0)
    xs, xt = source - mu_s, target - mu_t
    cov = xt.T @ xs / len(source)
    u, d, vt = np.linalg.svd(cov)
    sign = np.eye(3)
    if np.linalg.det(u) * np.linalg.det(vt) < 0:
        sign[2, 2] = -1
    rot = u @ sign @ vt
    var = (xs**2).sum() / len(source)
    scale = float(np.trace(np.diag(d) @ sign) / var) if var > 0 else 1.0
    return scale, rot, mu_t - scale * rot @ mu_s


def chain(relative: np.ndarray) -> np.ndarray:
    """``(N, 4, 4)`` target -> source transforms of consecutive frames -> ``(N + 1, 4, 4)``
    camera-to-world poses starting at the identity."""
    poses = [np.eye(4)]
    for m in relative:
        poses.append(poses[-1] @ np.linalg.inv(m))
    return np.stack(poses)


def ate(pred_positions: np.ndarray, gt_positions: np.ndarray) -> Tuple[float, float]:
    """RMSE of similarity-aligned positions, and the alignment scale."""
    scale, rot, trans = umeyama(pred_positions, gt_positions)
    aligned = scale * pred_positions @ rot.T + trans
    return float(np.sqrt(np.mean(np.sum((aligned - gt_positions)**2, -1)))), scale


def trajectory_errors(pred_rel: np.ndarray, gt_rel: np.ndarray,
                      ate_mode: str = 'full') -> Dict[str, float]:
    """ATE (m), RPE translation (m) and RPE rotation (deg) of one sequence of pairs."""
    pred, gt = chain(pred_rel), chain(gt_rel)
    full_ate, scale = ate(pred[:, :3, 3], gt[:, :3, 3])
    if ate_mode == 'snippet5':
        starts = range(0, len(pred) - 4)
        value = float(np.mean([ate(pred[i:i + 5, :3, 3], gt[i:i + 5, :3, 3])[0]
                               for i in starts])) if len(pred) >= 5 else full_ate
    else:
        value = full_ate
    rpe_t = np.linalg.norm(scale * pred_rel[:, :3, 3] - gt_rel[:, :3, 3], axis=-1)
    rpe_r = rotation_angle_deg(np.swapaxes(gt_rel[:, :3, :3], 1, 2) @ pred_rel[:, :3, :3])
    return dict(ate=value, rpe_m=float(rpe_t.mean()), rpe_deg=float(rpe_r.mean()))


@METRICS.register_module()
class TrajectoryMetric(BaseMetric):
    """ATE and RPE per sequence (samples: consecutive pairs with ``seq`` and ``frame_index``),
    averaged over sequences.

    Args:
        ate_mode: ``'full'`` (whole-trajectory alignment) or ``'snippet5'``.
        prefix: metric name prefix (default ``traj``).
    """
    default_prefix = 'traj'

    def __init__(self, ate_mode: str = 'full', collect_device: str = 'cpu',
                 prefix: Optional[str] = None):
        super().__init__(collect_device=collect_device, prefix=prefix)
        if ate_mode not in ('full', 'snippet5'):
            raise KeyError(f"TrajectoryMetric ate_mode must be 'full' or 'snippet5', got "
                           f'{ate_mode!r}')
        self.ate_mode = ate_mode

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        for sample in data_samples:
            pred, gt = sample_poses(sample, 'TrajectoryMetric')
            self.results.append((sample['seq'], sample['frame_index'], pred[0], gt[0]))

    def compute_metrics(self, results: List[tuple]) -> Dict[str, float]:
        sequences = defaultdict(list)
        for seq, index, pred, gt in results:
            sequences[seq].append((index, pred, gt))
        per_seq = []
        for pairs in sequences.values():
            pairs.sort(key=lambda p: p[0])
            pred = np.stack([p[1] for p in pairs])
            gt = np.stack([p[2] for p in pairs])
            per_seq.append(trajectory_errors(pred, gt, self.ate_mode))
        return {key: float(np.mean([r[key] for r in per_seq])) for key in per_seq[0]}
