"""Pixel AUROC, best IoU and image AUROC against scikit-learn and brute force."""
import numpy as np
import pytest
import torch
from sklearn.metrics import roc_auc_score

from thesiscv.evaluation.metrics import BestIoU, ImageAUROC, PixelAUROC
from thesiscv.evaluation.metrics.anomaly import best_iou, roc_auc


@pytest.mark.parametrize('levels', [None, 7])  # continuous scores, or many ties
def test_roc_auc_matches_sklearn(levels):
    rng = np.random.default_rng(0)
    scores = rng.random(4000)
    if levels:
        scores = np.floor(scores * levels)
    labels = rng.random(4000) < 0.2 + 0.3 * scores / scores.max()
    assert roc_auc(scores, labels) == pytest.approx(roc_auc_score(labels, scores), abs=1e-12)


def test_perfect_and_inverted_maps():
    labels = np.r_[np.zeros(50, bool), np.ones(10, bool)]
    scores = labels + np.random.default_rng(1).random(60) * 0.5
    assert roc_auc(scores, labels) == 1.0
    assert roc_auc(-scores, labels) == 0.0
    assert np.isnan(roc_auc(scores, np.zeros(60, bool)))


def test_best_iou_matches_a_brute_force_threshold_sweep():
    rng = np.random.default_rng(2)
    scores = np.round(rng.random(3000), 2)
    labels = rng.random(3000) < scores ** 3
    brute = max(np.sum((scores >= t) & labels) / np.sum((scores >= t) | labels)
                for t in np.unique(scores))
    iou, threshold = best_iou(scores, labels)
    assert iou == pytest.approx(brute, abs=1e-12)
    assert np.sum((scores >= threshold) & labels) / np.sum(
        (scores >= threshold) | labels) == pytest.approx(iou)


def samples(maps, masks, **extra):
    return [dict(pred_map=torch.as_tensor(m), gt_mask=torch.as_tensor(k), **extra)
            for m, k in zip(maps, masks)]


def test_pixel_metrics_pool_every_pixel():
    rng = np.random.default_rng(3)
    maps = rng.random((5, 8, 8)).astype(np.float32)
    masks = rng.random((5, 8, 8)) < 0.1
    masks[0] = False                                                 # a normal image
    auroc, iou = PixelAUROC(), BestIoU()
    for metric in (auroc, iou):
        metric.process({}, samples(maps, masks))
    expected = roc_auc_score(masks.ravel(), maps.ravel())
    assert auroc.compute_metrics(auroc.results) == {
        'pred_map_pixel_auroc': pytest.approx(expected)}
    assert iou.compute_metrics(iou.results)['pred_map_best_iou'] == pytest.approx(
        best_iou(maps.ravel(), masks.ravel())[0])
    per_image = PixelAUROC(pooling='per_image_mean')
    per_image.process({}, samples(maps, masks))
    expected = np.mean([roc_auc_score(k.ravel(), m.ravel()) for m, k in zip(maps[1:], masks[1:])])
    assert per_image.compute_metrics(per_image.results)['pred_map_pixel_auroc'] == \
        pytest.approx(expected)
    only_anomalous = PixelAUROC(include_normal_images=False)
    only_anomalous.process({}, samples(maps, masks))
    assert len(only_anomalous.results) == 4


def test_samples_without_pixel_ground_truth_are_counted_not_scored():
    metric = PixelAUROC(map_key='sa_map')
    maps = np.random.default_rng(4).random((2, 4, 4))
    good = dict(sa_map=torch.as_tensor(maps[0]), gt_mask=torch.as_tensor(maps[1] > 0.5))
    metric.process({}, [good, dict(sa_map=torch.as_tensor(maps[1]))])
    assert metric.results[1] is None
    assert metric.compute_metrics(metric.results)['sa_map_pixel_auroc'] == pytest.approx(
        roc_auc_score((maps[1] > 0.5).ravel(), maps[0].ravel()))
    with pytest.raises(KeyError, match="no 'da_map'"):
        PixelAUROC(map_key='da_map').process({}, [good])


def test_image_auroc_ignores_unknown_labels():
    metric = ImageAUROC()
    scores, labels = [0.1, 0.9, 0.4, 0.8, 0.3], [0, 1, 0, -1, 1]
    metric.process({}, [dict(pred_score=torch.tensor(s), gt_label=lab)
                        for s, lab in zip(scores, labels)])
    assert metric.compute_metrics(metric.results)['image_auroc'] == pytest.approx(
        roc_auc_score([0, 1, 0, 1], [0.1, 0.9, 0.4, 0.3]))
