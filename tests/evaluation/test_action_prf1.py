"""Macro precision / recall / F1 against hand-computed values (spec §4.2, §6.7 item 6)."""
import json
import os.path as osp

import numpy as np
import pytest
import torch
from mmaction.structures import ActionDataSample

from thesiscv.evaluation.metrics.action_prf1 import (MacroPRF1Metric, confusion_matrix,
                                                     prf1_from_confusion)
from thesiscv.evaluation.metrics.detection_iou import MeanBestIoUMetric, best_ious

#: Fig. 2.8: EMA-Net on shooting, pooled over 5 test sets (rows true, columns predicted).
FIG_2_8 = np.array([[104, 3, 3], [0, 178, 2], [3, 1, 26]])


def test_thesis_confusion_matrix():
    stats = prf1_from_confusion(FIG_2_8)
    assert np.allclose(stats['precision'], [104 / 107, 178 / 182, 26 / 31])
    assert np.allclose(stats['recall'], [104 / 110, 178 / 180, 26 / 30])
    assert round(stats['AP'], 3) == 0.930 and round(stats['AR'], 3) == 0.934
    assert round(stats['macro_f1'], 3) == 0.931 and round(stats['accuracy'], 3) == 0.962
    assert round(stats['a_f1'], 3) == 0.932  # 2 AP AR / (AP + AR) of this pooled matrix
    # Table 2.6's AP 0.929 and AR 0.933 give the reported A-F1 0.931
    assert round(2 * 0.929 * 0.933 / (0.929 + 0.933), 3) == 0.931


def test_small_matrix_by_hand():
    # true 0 0 1 1 2, predicted 0 1 1 1 0
    cm = confusion_matrix([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], 3)
    assert cm.tolist() == [[1, 1, 0], [0, 2, 0], [1, 0, 0]]
    stats = prf1_from_confusion(cm)
    # P = (1/2, 2/3, 0)  R = (1/2, 1, 0)  F1 = (1/2, 4/5, 0)
    assert np.allclose(stats['f1'], [0.5, 0.8, 0.0])
    assert stats['AP'] == pytest.approx((1 / 2 + 2 / 3) / 3)
    assert stats['AR'] == pytest.approx(0.5)
    assert stats['macro_f1'] == pytest.approx(1.3 / 3)
    assert stats['a_f1'] == pytest.approx(2 * stats['AP'] * 0.5 / (stats['AP'] + 0.5))
    # a class that is neither in the ground truth nor predicted stays out of the macro means
    partial = prf1_from_confusion([[2, 0, 0], [0, 1, 0], [0, 0, 0]])
    assert partial['macro_f1'] == 1.0 and partial['AP'] == 1.0 and partial['AR'] == 1.0


def test_metric_logs_and_saves_the_confusion_matrix(tmp_path):
    metric = MacroPRF1Metric(out_dir=str(tmp_path))
    metric.dataset_meta = dict(classes=('Penalty-Kick', 'Goal', 'Free-Kick'))
    samples = []
    for gt, pred in [(0, 0), (0, 2), (1, 1), (2, 2)]:
        sample = ActionDataSample().set_gt_label(gt)
        sample.set_pred_score(torch.eye(3)[pred])
        samples.append(sample.to_dict())
    metric.process({}, samples)
    result = metric.evaluate(len(samples))
    assert result['soccer/accuracy'] == pytest.approx(0.75)
    assert result['soccer/f1_Goal'] == pytest.approx(1.0)
    assert result['soccer/macro_f1'] == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)
    assert osp.getsize(tmp_path / 'confusion_matrix.png') > 1000
    with open(tmp_path / 'confusion_matrix.json') as f:
        assert json.load(f)['matrix'] == [[1, 0, 1], [0, 1, 0], [0, 0, 1]]


def test_mean_best_iou_average_is_the_unweighted_mean_of_video_types():
    assert np.allclose(best_ious(np.array([[0, 0, 10, 10]]),
                                 np.array([[0, 0, 10, 5], [50, 50, 60, 60]])), [0.5])
    metric = MeanBestIoUMetric()
    gt = dict(bboxes=np.array([[0, 0, 10, 10], [0, 0, 2, 2]]), categories=['player', 'ball'])
    samples = [
        dict(video_type='Dribbling', gt_instances=gt,
             pred_instances=dict(bboxes=np.array([[0, 0, 10, 10], [0, 0, 2, 1]]),
                                 labels=np.array([0, 32]))),
        dict(video_type='Goal', gt_instances=gt,
             pred_instances=dict(bboxes=np.array([[0, 0, 10, 5]]), labels=np.array([0]))),
        dict(video_type='Goal', gt_instances=dict(bboxes=np.array([[0, 0, 10, 10]]),
                                                  categories=['goalkeeper']),
             pred_instances=dict(bboxes=np.zeros((0, 4)), labels=np.zeros(0))),
    ]
    metric.process({}, samples)
    result = metric.evaluate(3)
    assert result['det/Dribbling/player'] == pytest.approx(100)
    assert result['det/Goal/player'] == pytest.approx(25)  # mean of 0.5 and 0 (missed keeper)
    assert result['det/Average/player'] == pytest.approx(62.5)
    assert result['det/Average/ball'] == pytest.approx(25)  # (50 + 0) / 2


def test_visualizer_draws_emanet_and_video_inputs(tmp_path):
    from thesiscv.visualization.action_visualizer import ActionVisualizer
    vis = ActionVisualizer.get_instance('test_action_vis', vis_backends=None)
    vis.dataset_meta = dict(classes=('a', 'b', 'c'))
    sample = ActionDataSample().set_gt_label(2)
    sample.set_pred_score(torch.tensor([0.1, 0.2, 0.7]))
    inputs = dict(energy=torch.rand(1, 16, 16), masks=torch.rand(4, 1, 16, 16))
    drawn = vis.add_datasample('x', inputs, sample, out_file=str(tmp_path / 'x.png'))
    assert drawn.shape[0] == 36 + 6 * 16 and osp.isfile(tmp_path / 'x.png')
    video = vis.add_datasample('v', torch.rand(1, 3, 8, 28, 28), sample,
                               out_file=str(tmp_path / 'v.png'))
    assert video.shape[0] == 36 + 3 * 28
