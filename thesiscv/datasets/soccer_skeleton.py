"""Skeleton annotations of the soccer splits, for ST-GCN / PoseC3D baselines (spec §3.6, §5.1).

``annotations/skeleton_<task>.pkl`` is an ``mmaction.PoseDataset`` file: ``annotations`` with
the player of interest's COCO-17 track per sample (``frame_dir`` = sample id,
``keypoint (1, T, 17, 2)``, ``keypoint_score (1, T, 17)``, ``total_frames``, ``img_shape``,
``label`` in the task's classes) and inline ``split`` lists ``split<k>_<subset>``. Frames
without keypoints get zeros with score 0 (PoseDataset transforms do not accept NaN).
"""
import os.path as osp
import pickle
from typing import Dict, List

import numpy as np

from .soccer import (ANN_FILE, TASK_CLASSES, load_annotations, read_split, split_path,
                     task_members)

# mmaction2 1.2.0's PoseCompact (used by the PoseC3D baselines on these files) calls np.Inf,
# which NumPy 2 removed; restore the alias (reported for thesiscv.utils.compat, its home).
if not hasattr(np, 'Inf'):
    np.Inf = np.inf


def skeleton_sample(sample: dict, task: str) -> Dict:
    """One PoseDataset annotation of a soccer sample."""
    kpts = np.nan_to_num(np.asarray(sample['keypoint'], np.float32), nan=0.0)
    scores = np.nan_to_num(np.asarray(sample['keypoint_score'], np.float32), nan=0.0)
    return dict(frame_dir=sample['sample_id'], total_frames=int(sample['total_frames']),
                img_shape=tuple(sample['img_shape']), original_shape=tuple(sample['img_shape']),
                label=TASK_CLASSES[task].index(sample['label_name']), keypoint=kpts,
                keypoint_score=scores)


def write_skeleton_annotations(data_root: str, ann_file: str = ANN_FILE,
                               tasks=tuple(TASK_CLASSES), n_splits: int = 5,
                               split_dir: str = 'annotations/splits') -> List[str]:
    """Write ``annotations/skeleton_<task>.pkl`` for every task; returns the paths."""
    samples = load_annotations(osp.join(data_root, ann_file))['annotations']
    paths = []
    for task in tasks:
        split = {f'split{k}_{subset}': read_split(split_path(data_root, split_dir, task, k),
                                                  subset)
                 for k in range(n_splits) for subset in ('train', 'val', 'test')}
        annotations = [skeleton_sample(s, task) for s in samples if task_members(task, s)]
        path = osp.join(data_root, 'annotations', f'skeleton_{task}.pkl')
        with open(path, 'wb') as f:
            pickle.dump(dict(split=split, annotations=annotations), f)
        paths.append(path)
    return paths
