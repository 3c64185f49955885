"""Base of the indoor video-depth loaders (NYUv2, EuRoC, ScanNet, 7-Scenes; thesis Ch. 5).

A subclass lists its sequences as ordered frames and this base turns them into samples:

* ``mode='train'``: frame tuples ``frame_ids`` (default ``(0, -1, 1)``) of the sequence
  temporally sub-sampled by ``frame_stride`` (a target needs all its neighbours in the same
  sequence); optionally a seeded random subset of ``num_samples``;
* ``mode='test'``: single frames with ground-truth depth;
* ``mode='pose'``: frame pairs with camera poses (``with_pose=True``) for pose evaluation.

A sample (data info) holds ``img_paths`` (target first), ``frame_ids``, ``K`` (normalized
``(4, 4)``), ``seq``, ``frame_index`` and, where available, ``depth_path`` (+ ``depth_scale``,
``depth_invalid_value``), ``poses`` (camera-to-world) and ``distortion``.
"""
import os.path as osp
from typing import Iterable, List, Optional, Sequence

import numpy as np
from mmengine.dataset import BaseDataset
from mmengine.logging import print_log

MODES = ('train', 'test', 'pose')


def read_lines(path: str, what: str) -> List[str]:
    """Non-empty, non-comment lines of a text file, with an error naming it."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'{what} {path} does not exist')
    with open(path) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def read_matrix(path: str, what: str, shapes: Iterable[tuple] = ((4, 4),)) -> np.ndarray:
    """A whitespace-separated matrix file, checked for shape and finiteness."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'{what} {path} does not exist')
    try:
        mat = np.loadtxt(path, dtype=np.float64, ndmin=2)
    except ValueError as err:
        raise ValueError(f'{what} {path} is not a numeric matrix: {err}') from None
    if mat.shape not in tuple(shapes):
        raise ValueError(f'{what} {path} has shape {mat.shape}, expected one of {tuple(shapes)}')
    return mat


def check_intrinsics(K: np.ndarray, path: str) -> np.ndarray:
    """Validate pixel intrinsics read from ``path`` (positive focal lengths, finite)."""
    K = np.asarray(K, dtype=np.float64)
    if not np.all(np.isfinite(K)) or K[0, 0] <= 0 or K[1, 1] <= 0:
        raise ValueError(f'intrinsics in {path} are invalid (fx={K[0, 0]}, fy={K[1, 1]}): '
                         'expected positive focal lengths')
    return K


class VideoDepthDataset(BaseDataset):
    """Frame tuples, test frames or pose pairs from ordered sequences.

    Args:
        data_root: the data set's root folder.
        mode: ``'train'``, ``'test'`` or ``'pose'``.
        frame_ids: frame offsets of a training tuple, target (0) first.
        frame_stride: temporal sub-sampling of the sequences (10 on NYUv2/ScanNet).
        num_samples: keep a seeded random subset of this many training samples.
        seed: seed of that subset.
        pipeline: data transforms.
    """

    def __init__(self, data_root: str, mode: str = 'train',
                 frame_ids: Sequence[int] = (0, -1, 1), frame_stride: int = 1,
                 num_samples: Optional[int] = None, seed: int = 0, pipeline: Sequence = (),
                 **kwargs):
        if mode not in MODES:
            raise ValueError(f'{type(self).__name__}: mode must be one of {MODES}, got {mode!r}')
        if frame_ids[0] != 0:
            raise ValueError(f'frame_ids must start with the target frame 0, got {frame_ids}')
        self.mode = mode
        self.frame_ids = tuple(frame_ids)
        self.frame_stride = frame_stride
        self.num_samples = num_samples
        self.seed = seed
        super().__init__(data_root=data_root, pipeline=list(pipeline),
                         test_mode=mode != 'train', **kwargs)

    # subclasses implement this
    def load_samples(self) -> List[dict]:
        raise NotImplementedError

    def load_data_list(self) -> List[dict]:
        if not osp.isdir(self.data_root):
            raise FileNotFoundError(
                f'{type(self).__name__}: data_root {self.data_root} does not exist. Lay out the '
                'data as configs/monoindoor/README.md describes, or write the synthetic rooms '
                'with `python tools/data/make_synthetic.py rooms`.')
        samples = self.load_samples()
        if not samples:
            raise ValueError(f'{type(self).__name__}: no {self.mode} samples under '
                             f'{self.data_root} (check the split / list files)')
        if self.mode == 'train' and self.num_samples and self.num_samples < len(samples):
            rng = np.random.default_rng(self.seed)
            keep = np.sort(rng.choice(len(samples), self.num_samples, replace=False))
            samples = [samples[i] for i in keep]
        return samples

    def sequence_tuples(self, frames: List[dict], K: np.ndarray, seq: str, **common) -> List[dict]:
        """Training tuples of one ordered sequence of frames (dicts with ``img_path``, ...)."""
        frames = frames[::self.frame_stride]
        offsets = np.array(self.frame_ids)
        first, last = -offsets.min(), len(frames) - offsets.max()
        return [self.make_sample([frames[i + o] for o in offsets], K, seq, self.frame_ids,
                                 **common) for i in range(max(first, 0), last)]

    @staticmethod
    def make_sample(frames: List[dict], K: np.ndarray, seq: str, frame_ids: Sequence[int],
                    with_pose: bool = False, **common) -> dict:
        """A data info from the frames of one sample (target first)."""
        sample = dict(img_paths=[f['img_path'] for f in frames], frame_ids=tuple(frame_ids),
                      K=np.asarray(K, dtype=np.float64), seq=seq,
                      frame_index=frames[0].get('index', 0), with_pose=with_pose, **common)
        if 'depth_path' in frames[0]:
            sample['depth_path'] = frames[0]['depth_path']
        if any('pose' in f for f in frames):
            sample['poses'] = [f.get('pose') for f in frames]
        return sample

    def log_skipped(self, count: int, reason: str) -> None:
        """Report samples left out (never silently)."""
        if count:
            print_log(f'{type(self).__name__}: skipped {count} {self.mode} samples: {reason}',
                      logger='current', level=30)
