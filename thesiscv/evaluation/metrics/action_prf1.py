"""Macro precision / recall / F1 of action classification (thesis §2.4.2, spec §4.2).

With C classes and the confusion matrix ``M`` (rows: true class, columns: predicted):

* ``Precision(i) = M_ii / sum_k M_ki``, ``Recall(i) = M_ii / sum_k M_ik``,
  ``F1(i) = 2 P_i R_i / (P_i + R_i)`` (0 where undefined; the means run over the classes that
  occur as ground truth or prediction);
* ``AP = mean_i P_i`` (the thesis's "average precision": macro precision, not ranking AP);
* ``AR = mean_i R_i``;
* ``a_f1`` = ``2 AP AR / (AP + AR)``: the thesis's A-F1 as its tables report it (23 of 25 rows);
* ``macro_f1 = mean_i F1(i)``: A-F1 as its text defines it (ambiguity 17);
* ``accuracy`` and ``f1_<class>`` per class.

The confusion matrix is logged as a table and saved as a picture (``confusion_matrix.png``)
in ``out_dir``, by default the run's log folder in the work dir.
"""
import json
import os
import os.path as osp
from typing import Dict, List, Optional, Sequence

import numpy as np
from mmengine.evaluator import BaseMetric
from mmengine.logging import MMLogger, print_log

from thesiscv.registry import METRICS


def confusion_matrix(gt: Sequence[int], pred: Sequence[int], num_classes: int) -> np.ndarray:
    """``(C, C)`` counts, rows = true class, columns = predicted class."""
    gt, pred = np.asarray(gt, int), np.asarray(pred, int)
    return np.bincount(gt * num_classes + pred, minlength=num_classes ** 2).reshape(
        num_classes, num_classes)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return np.divide(num, den, out=np.zeros(num.shape, float), where=den > 0)


def prf1_from_confusion(cm: np.ndarray) -> Dict[str, np.ndarray]:
    """Per-class precision, recall, F1 and the macro figures of a confusion matrix.

    As in scikit-learn, the macro means run over the classes that occur as ground truth or as
    prediction (``present``); an undefined precision or recall counts as 0.
    """
    cm = np.asarray(cm, float)
    tp = np.diag(cm)
    precision, recall = _ratio(tp, cm.sum(0)), _ratio(tp, cm.sum(1))
    f1 = _ratio(2 * precision * recall, precision + recall)
    present = (cm.sum(0) + cm.sum(1)) > 0
    ap, ar = precision[present].mean(), recall[present].mean()
    return dict(precision=precision, recall=recall, f1=f1, present=present, AP=ap, AR=ar,
                a_f1=2 * ap * ar / (ap + ar) if ap + ar > 0 else 0.0,
                macro_f1=f1[present].mean(), accuracy=tp.sum() / max(cm.sum(), 1))


def format_confusion(cm: np.ndarray, classes: Sequence[str]) -> str:
    """The confusion matrix as a text table (rows: true, columns: predicted)."""
    width = max(8, *(len(c) for c in classes)) + 1
    lines = ['true \\ pred'.ljust(width) + ''.join(c[:width - 1].rjust(width) for c in classes)]
    lines += [c.ljust(width) + ''.join(str(v).rjust(width) for v in row)
              for c, row in zip(classes, cm)]
    return '\n'.join(lines)


@METRICS.register_module()
class MacroPRF1Metric(BaseMetric):
    """AP, AR, A-F1 (both variants), accuracy, per-class F1 and the confusion matrix.

    Args:
        num_classes: C; default: the number of ``classes`` in the dataset meta.
        out_dir: where the confusion-matrix picture and JSON go; default: the current run's
            log folder (``work_dir/<timestamp>``); when there is none, it is not saved (and the
            log says so).
        prefix: metric name prefix (``soccer`` -> ``soccer/a_f1``).
    """
    default_prefix = 'soccer'

    def __init__(self, num_classes: Optional[int] = None, out_dir: Optional[str] = None,
                 collect_device: str = 'cpu', prefix: Optional[str] = None):
        super().__init__(collect_device=collect_device, prefix=prefix)
        self.num_classes, self.out_dir = num_classes, out_dir

    def process(self, data_batch, data_samples: Sequence) -> None:
        for sample in data_samples:
            score = sample['pred_score'] if isinstance(sample, dict) else sample.pred_score
            gt = sample['gt_label'] if isinstance(sample, dict) else sample.gt_label
            self.results.append((int(np.asarray(score.cpu()).argmax()), int(gt)))

    def _classes(self) -> List[str]:
        classes = list((self.dataset_meta or {}).get('classes', []))
        num = self.num_classes or len(classes)
        if not num:
            raise KeyError('MacroPRF1Metric needs num_classes or dataset_meta["classes"]')
        return classes if len(classes) == num else [str(i) for i in range(num)]

    def compute_metrics(self, results: list) -> Dict[str, float]:
        classes = self._classes()
        pred, gt = zip(*results)
        cm = confusion_matrix(gt, pred, len(classes))
        stats = prf1_from_confusion(cm)
        print_log(f'Confusion matrix ({len(results)} samples; rows: true, columns: predicted):\n'
                  + format_confusion(cm, classes), logger='current')
        absent = [c for c, n in zip(classes, cm.sum(1)) if n == 0]
        if absent:
            print_log(f'classes without ground-truth samples: {absent} (left out of the macro '
                      'means unless predicted)', logger='current', level=30)
        self._save(cm, classes, stats)
        metrics = {k: float(stats[k]) for k in ('AP', 'AR', 'a_f1', 'macro_f1', 'accuracy')}
        metrics.update({f'f1_{c}': float(v) for c, v in zip(classes, stats['f1'])})
        return metrics

    def _save(self, cm: np.ndarray, classes: List[str], stats: dict) -> None:
        out_dir = self.out_dir
        if out_dir is None:
            logger = MMLogger.get_current_instance()
            log_file = getattr(logger, 'log_file', None)
            out_dir = osp.dirname(log_file) if log_file else None
        if out_dir is None:
            print_log('no out_dir and no log folder: the confusion matrix picture is not saved',
                      logger='current')
            return
        from thesiscv.visualization.action_visualizer import draw_confusion_matrix
        import cv2
        os.makedirs(out_dir, exist_ok=True)
        title = f'A-F1 {stats["a_f1"]:.3f}  macro-F1 {stats["macro_f1"]:.3f}'
        path = osp.join(out_dir, 'confusion_matrix.png')
        cv2.imwrite(path, draw_confusion_matrix(cm, classes, title)[..., ::-1])
        with open(osp.join(out_dir, 'confusion_matrix.json'), 'w') as f:
            json.dump(dict(classes=classes, matrix=cm.tolist()), f)
        print_log(f'confusion matrix saved to {path}', logger='current')
