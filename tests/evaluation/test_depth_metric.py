"""Depth metrics against hand-computed values; median scaling; caps; the Eigen crop."""
import numpy as np
import pytest
import torch

from thesiscv.evaluation.metrics import DepthMetric
from thesiscv.evaluation.metrics.depth_metric import (EIGEN_NYU_CROP, crop_mask, depth_errors,
                                                      evaluate_depth)


def test_errors_hand_computed():
    gt = np.array([1.0, 2.0, 4.0, 5.0])
    pred = np.array([1.0, 2.5, 3.0, 5.0])
    e = depth_errors(pred, gt)
    assert e['abs_rel'] == pytest.approx((0 + 0.25 + 0.25 + 0) / 4)
    assert e['sq_rel'] == pytest.approx((0 + 0.25 / 2 + 1 / 4 + 0) / 4)
    assert e['rmse'] == pytest.approx(np.sqrt((0.25 + 1) / 4))
    assert e['rmse_log'] == pytest.approx(np.sqrt((np.log(1.25)**2 + np.log(0.75)**2) / 4))
    # ratios 1, 1.25, 1.333, 1: 1.25 is not < 1.25
    assert (e['a1'], e['a2'], e['a3']) == (0.5, 1.0, 1.0)


def test_median_scaling_and_caps():
    gt = np.array([[0.05, 1.0, 2.0], [3.0, 12.0, 4.0]])  # 0.05 and 12 are outside (0.1, 10)
    pred = 7 * np.array([[1.0, 1.0, 2.0], [3.0, 5.0, 4.0]])
    e = evaluate_depth(pred, gt, min_depth=0.1, max_depth=10.0)
    assert e['abs_rel'] == pytest.approx(0.0) and e['scale_ratio'] == pytest.approx(1 / 7)
    unscaled = evaluate_depth(pred, gt, median_scaling=False)
    # without scaling the predictions 7..28 are capped at 10: errors (7-1)/1, (10-2)/2, ...
    assert unscaled['abs_rel'] == pytest.approx(np.mean([6, 4, 7 / 3, 6 / 4]))
    assert evaluate_depth(pred, np.zeros_like(gt)) is None


def test_eigen_crop_indices():
    mask = crop_mask((480, 640), EIGEN_NYU_CROP)
    rows, cols = np.nonzero(mask)
    assert (rows.min(), rows.max(), cols.min(), cols.max()) == (45, 470, 41, 600)


def test_metric_averages_per_image_and_reports_empty_images():
    metric = DepthMetric(max_depth=10.0)
    gt1 = torch.tensor([[1.0, 2.0], [4.0, 5.0]])
    metric.process({}, [dict(pred_depth=gt1 * 3, gt_depth=gt1),
                        dict(pred_depth=torch.tensor([[1.0, 2.5], [3.0, 5.0]]), gt_depth=gt1),
                        dict(pred_depth=gt1, gt_depth=torch.zeros(2, 2))])
    out = metric.compute_metrics(metric.results)
    second = evaluate_depth(np.array([[1.0, 2.5], [3.0, 5.0]]), gt1.numpy())['abs_rel']
    assert out['abs_rel'] == pytest.approx(second / 2)
    with pytest.raises(KeyError, match='LoadDepthGT'):
        metric.process({}, [dict(pred_depth=gt1)])
    with pytest.raises(KeyError, match='crop'):
        DepthMetric(crop='kitti')
