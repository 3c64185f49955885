"""Relative pose errors (Table 5.6) and trajectory ATE / RPE (Table 5.3) on known answers."""
import math

import numpy as np
import pytest
from scipy.spatial.transform import Rotation

from thesiscv.evaluation.metrics import RelativePoseMetric, TrajectoryMetric
from thesiscv.evaluation.metrics.pose_relative_metric import relative_pose_errors
from thesiscv.evaluation.metrics.pose_trajectory_metric import chain, trajectory_errors, umeyama


def pose(rotvec, t):
    out = np.eye(4)
    out[:3, :3] = Rotation.from_rotvec(rotvec).as_matrix()
    out[:3, 3] = t
    return out


@pytest.mark.parametrize('axis', [(1, 0, 0), (0, 1, 0), (0.6, 0, 0.8)])
def test_relative_pose_errors(axis):
    gt = pose([0, 0.2, 0], [0.1, 0.0, 0.2])
    assert relative_pose_errors(gt, gt) == pytest.approx(dict(rot=0, tr_deg=0, tr_cm=0), abs=1e-5)
    delta = pose(np.radians(5) * np.asarray(axis), [0, 0, 0])
    pred = gt @ delta
    pred[:3, 3] = 3 * gt[:3, 3]  # up to scale: the fit removes it
    err = relative_pose_errors(gt, pred)
    assert err['rot'] == pytest.approx(5.0, abs=1e-4)
    assert err['tr_deg'] == pytest.approx(0, abs=1e-4) and err['tr_cm'] == pytest.approx(0)
    pred[:3, 3] = [0.2, 0.0, -0.1]  # perpendicular translation: 90 degrees
    assert relative_pose_errors(gt, pred)['tr_deg'] == pytest.approx(90)


def test_relative_pose_metric_process():
    metric = RelativePoseMetric()
    gt = pose([0, 0.1, 0], [0.1, 0, 0])
    metric.process({}, [dict(gt_pose=gt[None], pred_pose=gt[None])])
    assert metric.compute_metrics(metric.results)['rot'] == pytest.approx(0, abs=1e-4)


def test_umeyama_recovers_similarity():
    rng = np.random.default_rng(0)
    src = rng.normal(size=(20, 3))
    rot = Rotation.from_rotvec([0.1, -0.4, 0.3]).as_matrix()
    s, r, t = umeyama(src, 2.5 * src @ rot.T + [1, 2, 3])
    assert s == pytest.approx(2.5) and np.allclose(r, rot) and np.allclose(t, [1, 2, 3])


def test_trajectory_scale_invariant_and_rotation_error():
    rel = np.stack([pose([0, 0.05, 0], [0.1, 0, 0.05 * i]) for i in range(6)])
    poses = chain(rel)
    assert np.allclose(poses[1], np.linalg.inv(rel[0]))
    scaled = rel.copy()
    scaled[:, :3, 3] *= 0.3  # monocular prediction: right motion, wrong scale
    err = trajectory_errors(scaled, rel)
    assert err['ate'] < 1e-6 and err['rpe_m'] < 1e-6 and err['rpe_deg'] < 1e-4
    rotated = np.stack([m @ pose([math.radians(2), 0, 0], [0, 0, 0]) for m in rel])
    assert trajectory_errors(rotated, rel)['rpe_deg'] == pytest.approx(2.0, abs=1e-4)


def test_trajectory_metric_groups_sequences():
    metric = TrajectoryMetric()
    rel = [pose([0, 0.05, 0], [0.1, 0, 0]) for _ in range(4)]
    samples = [dict(seq=s, frame_index=i, gt_pose=m[None], pred_pose=m[None])
               for s in ('a', 'b') for i, m in reversed(list(enumerate(rel)))]
    metric.process({}, samples)
    out = metric.compute_metrics(metric.results)
    assert out['ate'] == pytest.approx(0, abs=1e-6)
