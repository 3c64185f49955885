"""mmaction2 video lists of the soccer splits, for the RGB baselines (spec §3.6, §5.1).

``annotations/video_lists/<task>_split<k>_<subset>.txt`` holds one ``<video path> <label>``
line per clip (paths relative to the data root), the format of ``mmaction.VideoDataset``.
The labels are the task's class indices; a clip appears once (its player sample), goalkeeper
samples of ``shooting_gk`` are not videos of their own and are skipped with a count.
"""
import os
import os.path as osp
from typing import Dict, List

from mmengine.logging import print_log

from .soccer import TASK_CLASSES, load_annotations, read_split, split_path

LIST_DIR = 'annotations/video_lists'


def video_list_lines(samples: Dict[str, dict], ids: List[str], task: str) -> List[str]:
    """``'<filename> <label>'`` lines of the player samples among ``ids``."""
    classes = TASK_CLASSES[task]
    lines = []
    for sample_id in ids:
        sample = samples[sample_id]
        if sample['actor_role'] == 'player':
            lines.append(f'{sample["filename"]} {classes.index(sample["label_name"])}')
    return lines


def write_video_lists(data_root: str, gt_file: str, tasks=tuple(TASK_CLASSES),
                      n_splits: int = 5, split_dir: str = 'annotations/splits') -> List[str]:
    """Write the video lists of every task, split and subset; returns the written paths."""
    samples = {s['sample_id']: s for s in load_annotations(osp.join(data_root, gt_file))[
        'annotations']}
    os.makedirs(osp.join(data_root, LIST_DIR), exist_ok=True)
    paths, skipped = [], 0
    for task in tasks:
        for k in range(n_splits):
            for subset in ('train', 'val', 'test'):
                ids = read_split(split_path(data_root, split_dir, task, k), subset)
                lines = video_list_lines(samples, ids, task)
                skipped += len(ids) - len(lines)
                path = osp.join(data_root, LIST_DIR, f'{task}_split{k}_{subset}.txt')
                with open(path, 'w') as f:
                    f.write('\n'.join(lines) + '\n')
                paths.append(path)
    if skipped:
        print_log(f'video lists: {skipped} goalkeeper sample entries skipped (RGB baselines '
                  'classify clips, not tracklets)', logger='current')
    return paths
