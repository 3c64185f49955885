"""The Soccer Players Highlight Video annotation format and its dataset (thesis Ch. 2, spec §3).

On disk (spec §3.5; ``data_root`` e.g. ``data/soccer``)::

    videos/{dribbling,shooting}/<class>/<clip_id>.mp4
    annotations/soccer_highlights_gt.pkl       ground truth (tools/data/soccer/cvat_to_soccer.py)
    annotations/soccer_highlights_emanet.pkl   ground truth + machine annotations (preprocessing)
    annotations/label_map_<task>.txt           one class name per line
    annotations/splits/<task>_split<k>.json    {"train": [sample_id, ...], "val": [...], ...}
    energy/<registration mode>/<sample file name>.png   cached energy images (16-bit)

A pickle holds ``dict(annotations=[sample, ...], split=dict(...) optional)``; a sample is one
actor of one clip (``sample_id = clip_id + '#' + actor_role``) with the keys of spec §3.6:
ground truth (``gt_actor_bboxes (T, 4)``, ``gt_objects``), and after preprocessing the
player-of-interest detections (``det_bboxes``, ``player_masks`` as RLE, ``ball_*``) and keypoints
(``keypoint (1, T, 17, 2)``, ``keypoint_score (1, T, 17)``, optional ``keypoint_body25``).
"""
import json
import os
import os.path as osp
import pickle
from typing import Dict, List, Optional, Sequence

from mmengine.dataset import BaseDataset

from thesiscv.registry import DATASETS

#: Fine-grained classes (Table 2.1) with their folder names, and the goalkeeper class (§4.3.4).
CLASS_DIRS = {'Stepover': 'stepover', 'Elastico': 'elastico', 'Chop': 'chop',
              'Penalty-Kick': 'penalty_kick', 'Goal': 'goal', 'Free-Kick': 'free_kick',
              'Goal-Saving': 'goal_saving'}
DRIBBLING = ('Stepover', 'Elastico', 'Chop')
SHOOTING = ('Penalty-Kick', 'Goal', 'Free-Kick')
#: Label index maps of the four experiments (spec §3.1).
TASK_CLASSES: Dict[str, tuple] = {
    'dribbling': DRIBBLING,
    'shooting': SHOOTING,
    'all': DRIBBLING + SHOOTING,
    'shooting_gk': SHOOTING + ('Goal-Saving',),
}
GT_FILE = 'annotations/soccer_highlights_gt.pkl'
ANN_FILE = 'annotations/soccer_highlights_emanet.pkl'


def coarse_task(label_name: str) -> str:
    """``'dribbling'`` or ``'shooting'`` for a fine-grained class name (goalkeeper: shooting)."""
    return 'dribbling' if label_name in DRIBBLING else 'shooting'


def task_members(task: str, sample: dict) -> bool:
    """Whether a sample belongs to an experiment (players only, except ``shooting_gk``)."""
    if task not in TASK_CLASSES:
        raise KeyError(f'unknown soccer task {task!r}; choose one of {sorted(TASK_CLASSES)}')
    if sample['actor_role'] != 'player' and task != 'shooting_gk':
        return False
    return sample['label_name'] in TASK_CLASSES[task]


def sample_file_name(sample_id: str) -> str:
    """File-system name of a sample (``clip#role`` -> ``clip__role``)."""
    return sample_id.replace('#', '__')


def load_annotations(path: str) -> dict:
    """Read an annotation pickle (``dict(annotations=[...], split=...)``) with a clear error."""
    if not osp.isfile(path):
        raise FileNotFoundError(
            f'Soccer annotation file {path} does not exist. Build it with '
            'tools/data/soccer/cvat_to_soccer.py (ground truth) and tools/data/soccer/'
            'preprocess.py (machine annotations), or write the synthetic set with '
            '`python tools/data/make_synthetic.py soccer`.')
    with open(path, 'rb') as f:
        data = pickle.load(f)
    if not isinstance(data, dict) or 'annotations' not in data:
        raise ValueError(f'{path} is not a soccer annotation file: expected a dict with key '
                         f'"annotations", got {type(data).__name__}')
    return data


def save_annotations(path: str, annotations: List[dict], split: Optional[dict] = None) -> None:
    """Write an annotation pickle atomically (a crash never leaves half a file)."""
    os.makedirs(osp.dirname(osp.abspath(path)), exist_ok=True)
    tmp = f'{path}.tmp'
    with open(tmp, 'wb') as f:
        pickle.dump(dict(annotations=annotations, split=split or {}), f)
    os.replace(tmp, path)


def write_label_map(path: str, classes: Sequence[str]) -> None:
    """``label_map_<task>.txt``: one class name per line, line i = label i."""
    os.makedirs(osp.dirname(osp.abspath(path)), exist_ok=True)
    with open(path, 'w') as f:
        f.write('\n'.join(classes) + '\n')


def read_label_map(path: str) -> tuple:
    with open(path) as f:
        return tuple(line.strip() for line in f if line.strip())


def split_path(data_root: str, split_dir: str, task: str, split: int) -> str:
    return osp.join(data_root, split_dir, f'{task}_split{split}.json')


def read_split(path: str, subset: str, inline: Optional[dict] = None,
               inline_key: Optional[str] = None) -> List[str]:
    """Sample ids of ``subset`` from a split file, else from the pickle's inline splits."""
    if osp.isfile(path):
        with open(path) as f:
            split = json.load(f)
        if subset not in split:
            raise KeyError(f'split file {path} has no subset {subset!r} (it has '
                           f'{sorted(split)})')
        return list(split[subset])
    if inline and inline_key in inline:
        return list(inline[inline_key])
    raise FileNotFoundError(
        f'Split file {path} does not exist (nor an inline split {inline_key!r}). Make the 5 '
        'random stratified splits with `python tools/data/soccer/make_splits.py DATA_ROOT`.')


@DATASETS.register_module()
class SoccerHighlightDataset(BaseDataset):
    """Samples (one actor of one clip) of a soccer experiment and split (spec §6.2).

    Args:
        ann_file: annotation pickle, relative to ``data_root``.
        task: ``'dribbling'``, ``'shooting'``, ``'all'`` or ``'shooting_gk'``.
        split: split index (0-4), read from ``<split_dir>/<task>_split<split>.json``.
        subset: ``'train'``, ``'val'`` or ``'test'``.
        split_dir: folder of the split files, relative to ``data_root``.
        label_map: class-name file; default ``annotations/label_map_<task>.txt`` when it
            exists, else the built-in :data:`TASK_CLASSES`.
        registration_mode: the energy images to use (``translation``, ``affine``,
            ``similarity``, ``none``); passed to the pipeline as ``energy_mode``.
        data_root: the data set folder; ``data_prefix=dict(video='')`` is where the
            ``filename`` of each sample is relative to.

    Each data info holds the sample's annotation keys plus ``label`` (index in the task's
    classes), ``filename`` (absolute), ``data_root`` and ``energy_mode``.
    """

    def __init__(self, ann_file: str = ANN_FILE, task: str = 'all', split: int = 0,
                 subset: str = 'train', split_dir: str = 'annotations/splits',
                 label_map: Optional[str] = None, registration_mode: str = 'translation',
                 data_root: str = '',
                 data_prefix: dict = dict(video=''), **kwargs):
        if task not in TASK_CLASSES:
            raise KeyError(f'SoccerHighlightDataset: unknown task {task!r}; choose one of '
                           f'{sorted(TASK_CLASSES)}')
        self.task, self.split, self.subset, self.split_dir = task, split, subset, split_dir
        self.registration_mode = registration_mode
        default_map = osp.join(data_root, 'annotations', f'label_map_{task}.txt')
        if label_map is not None:
            label_map = osp.join(data_root, label_map)
            classes = read_label_map(label_map)
        elif osp.isfile(default_map):
            classes = read_label_map(default_map)
        else:
            classes = TASK_CLASSES[task]
        super().__init__(ann_file=ann_file, data_root=data_root, data_prefix=data_prefix,
                         metainfo=dict(classes=tuple(classes)), **kwargs)

    def load_data_list(self) -> List[dict]:
        data = load_annotations(self.ann_file)
        ids = read_split(split_path(self.data_root, self.split_dir, self.task, self.split),
                         self.subset, data.get('split'),
                         f'{self.task}_split{self.split}_{self.subset}')
        by_id = {s['sample_id']: s for s in data['annotations']}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise KeyError(f'{len(missing)} sample ids of the {self.task} split {self.split} '
                           f'({self.subset}) are not in {self.ann_file}, e.g. {missing[:3]}')
        classes = self.metainfo['classes']
        infos = []
        for sample_id in ids:
            sample = by_id[sample_id]
            if not task_members(self.task, sample):
                raise ValueError(f'sample {sample_id} ({sample["label_name"]}, '
                                 f'{sample["actor_role"]}) does not belong to task {self.task}')
            info = dict(sample, label=classes.index(sample['label_name']),
                        data_root=self.data_root, energy_mode=self.registration_mode,
                        filename=osp.join(self.data_prefix.get('video', ''), sample['filename']))
            infos.append(info)
        return infos
