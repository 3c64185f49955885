"""The 5-split protocol of the soccer experiments (thesis §2.4.1 "5-fold", spec §3.4, amb. 26).

The thesis's test sets times 5 are smaller than its data set and its pooled confusion matrix sums
to 5 x the test size, so the protocol is 5 **repeated random stratified train/val/test splits of
fixed sizes**, not a partition. Samples are stratified by class (and ``match_id`` where known);
the goalkeeper samples of ``shooting_gk`` follow their clip's subset. Split files are
``<task>_split<k>.json`` = ``{"train": [...], "val": [...], "test": [...]}`` of sample ids.
"""
import json
import os
import os.path as osp
from collections import defaultdict
from typing import Dict, List, Optional, Sequence

import numpy as np

from .soccer import TASK_CLASSES, task_members

#: Split sizes (train, val, test) of the thesis (§3.4); other data sets use their proportions.
THESIS_SPLIT_SIZES = {'shooting': (242, 30, 64), 'dribbling': (157, 31, 45),
                      'all': (397, 62, 110), 'shooting_gk': (241, 30, 65)}


def _quotas(counts: np.ndarray, total: int) -> np.ndarray:
    """Integer quotas per stratum proportional to ``counts`` summing to ``total`` (largest
    remainder)."""
    exact = counts * total / max(counts.sum(), 1)
    quota = np.floor(exact).astype(int)
    order = np.argsort(-(exact - quota), kind='stable')
    quota[order[:total - quota.sum()]] += 1
    return np.minimum(quota, counts)


def split_sizes(task: str, num_items: int) -> tuple:
    """(train, val, test) for ``num_items`` clips in the thesis's proportions for ``task``."""
    ref = np.array(THESIS_SPLIT_SIZES[task], float)
    val, test = (np.round(ref[1:] / ref.sum() * num_items).astype(int)).tolist()
    return num_items - val - test, val, test


def make_splits(annotations: Sequence[dict], task: str, n_splits: int = 5,
                sizes: Optional[Sequence[int]] = None, seed: int = 0,
                stratify: Sequence[str] = ('label_name', 'match_id')) -> List[Dict[str, list]]:
    """``n_splits`` random stratified splits of a task's clips.

    Args:
        annotations: the samples of an annotation pickle.
        task: a key of :data:`~.soccer.TASK_CLASSES`.
        n_splits: number of splits (5 in the thesis).
        sizes: (train, val, test) clip counts; default: the thesis's proportions.
        seed: split k uses seed ``seed + k``.
        stratify: sample keys whose joint value defines a stratum.

    Returns:
        One ``dict(train=[ids], val=[ids], test=[ids])`` per split.
    """
    members = [s for s in annotations if task_members(task, s)]
    players = sorted((s for s in members if s['actor_role'] == 'player'),
                     key=lambda s: s['sample_id'])
    if not players:
        raise ValueError(f'no player samples of task {task!r} '
                         f'(classes {TASK_CLASSES[task]}) in the annotations')
    by_clip = defaultdict(list)
    for s in members:
        by_clip[s['clip_id']].append(s['sample_id'])
    sizes = tuple(sizes) if sizes is not None else split_sizes(task, len(players))
    if sum(sizes) != len(players):
        raise ValueError(f'split sizes {sizes} sum to {sum(sizes)}, but task {task!r} has '
                         f'{len(players)} clips')
    strata = defaultdict(list)
    for s in players:
        strata[tuple(s.get(k) for k in stratify)].append(s['clip_id'])
    keys = sorted(strata, key=str)
    counts = np.array([len(strata[k]) for k in keys])
    test_q = _quotas(counts, sizes[2])
    val_q = _quotas(counts - test_q, sizes[1])
    splits = []
    for k in range(n_splits):
        rng = np.random.default_rng(seed + k)
        subsets = dict(train=[], val=[], test=[])
        for key, n_test, n_val in zip(keys, test_q, val_q):
            clips = rng.permutation(strata[key]).tolist()
            parts = dict(test=clips[:n_test], val=clips[n_test:n_test + n_val],
                         train=clips[n_test + n_val:])
            for name, part in parts.items():
                subsets[name] += [sid for c in part for sid in sorted(by_clip[c])]
        splits.append({name: sorted(ids) for name, ids in subsets.items()})
    return splits


def write_splits(out_dir: str, task: str, splits: List[Dict[str, list]]) -> List[str]:
    """Write ``<out_dir>/<task>_split<k>.json``; returns the paths."""
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for k, split in enumerate(splits):
        path = osp.join(out_dir, f'{task}_split{k}.json')
        with open(path, 'w') as f:
            json.dump(split, f, indent=1)
        paths.append(path)
    return paths
