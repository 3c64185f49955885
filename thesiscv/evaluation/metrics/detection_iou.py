"""Mean best IoU of player and ball detection (thesis Table 2.5, spec §4.1).

For every ground-truth box (players, goalkeepers, defenders and wall members count as
"player"; balls as "ball"), its best IoU with the predicted boxes of the matching COCO class
(person / sports ball) in the same frame, 0 when there is none; averaged over the ground-truth
boxes of each video type (Dribbling, Penalty-Kick, Goal, Free-Kick). The "Average" row is the
unweighted mean of the video-type rows (the thesis's 63.92 = mean of its four rows).
"""
from collections import defaultdict
from typing import Dict, List, Sequence

import numpy as np
from mmengine.evaluator import BaseMetric

from thesiscv.registry import METRICS

#: Ground-truth categories per evaluated class.
GT_CLASSES = {'player': ('player', 'goalkeeper', 'defender', 'defensive_wall'),
              'ball': ('ball',)}
#: COCO contiguous label of the predictions per evaluated class (person, sports ball).
PRED_LABELS = {'player': 0, 'ball': 32}


def best_ious(gt: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """Best IoU ``(G,)`` of each ground-truth box ``(G, 4)`` with predictions ``(P, 4)``."""
    from thesiscv.datasets.soccer_preprocessing.association import box_iou
    if not len(pred):
        return np.zeros(len(gt))
    return box_iou(np.asarray(gt, np.float32)[:, None], np.asarray(pred, np.float32)[None]).max(1)


def table_rows(per_type: Dict[str, Dict[str, List[float]]]) -> Dict[str, Dict[str, float]]:
    """Mean IoU per video type and class, plus the unweighted ``Average`` row."""
    rows = {t: {c: float(np.mean(v)) if len(v) else float('nan') for c, v in classes.items()}
            for t, classes in per_type.items()}
    if rows:
        rows['Average'] = {c: float(np.nanmean([r[c] for r in rows.values()]))
                           for c in GT_CLASSES}
    return rows


@METRICS.register_module()
class MeanBestIoUMetric(BaseMetric):
    """Table 2.5 IoU columns from per-frame data samples.

    Each data sample holds ``video_type`` (meta), ``gt_instances`` (``bboxes (G, 4)``,
    ``categories`` list of str) and ``pred_instances`` (``bboxes``, ``labels`` COCO ids).
    Metrics: ``<type>/<class>`` and ``Average/<class>`` in percent.
    """
    default_prefix = 'det'

    def process(self, data_batch, data_samples: Sequence[dict]) -> None:
        for sample in data_samples:
            gt, pred = sample['gt_instances'], sample['pred_instances']
            cats = np.asarray(gt['categories'])
            labels = np.asarray(pred['labels'])
            ious = {}
            for name, members in GT_CLASSES.items():
                keep = np.isin(cats, members)
                ious[name] = best_ious(np.asarray(gt['bboxes'])[keep],
                                       np.asarray(pred['bboxes'])[labels == PRED_LABELS[name]]
                                       ).tolist() if keep.any() else []
            self.results.append((sample['video_type'], ious))  # one result per sample

    def compute_metrics(self, results: list) -> Dict[str, float]:
        per_type = defaultdict(lambda: {c: [] for c in GT_CLASSES})
        for video_type, ious in results:
            for name, values in ious.items():
                per_type[video_type][name] += values
        return {f'{t}/{c}': 100 * v for t, row in table_rows(per_type).items()
                for c, v in row.items()}
