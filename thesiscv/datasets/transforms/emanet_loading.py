"""EMA-Net data pipeline, loading steps (spec §2.5-2.7, §6.2).

* :class:`SampleMaskFrames`: n frames for the motion branch by uniform segment sampling over
  the valid frames (random frame per segment in training, the middle one at test; short clips
  repeat frames in order).
* :class:`LoadSoccerMasks`: decodes the player (+ ball) RLE masks of those frames and their
  union boxes.
* :class:`EnergyImageTransform`: the clip's energy image, read from the on-disk cache or
  computed (registration, Algorithm 1, then the mean of the registered masks).
"""
import os.path as osp
from typing import Optional

import cv2
import numpy as np
from mmcv.transforms import BaseTransform

from thesiscv.registry import TRANSFORMS

from ..soccer import sample_file_name
from ..soccer_preprocessing.energy import load_energy_png, sample_energy_image
from ..soccer_preprocessing.masks import decode_masks, union_boxes


def segment_indices(num_valid: int, num_frames: int, random: bool) -> np.ndarray:
    """``num_frames`` positions in ``range(num_valid)``: one per equal segment (spec §2.7).

    Random draws use NumPy's global generator, which mmengine seeds per run and per worker.
    """
    if num_valid < num_frames:
        return np.arange(num_frames) * num_valid // num_frames
    edges = np.arange(num_frames + 1) * num_valid / num_frames
    start, length = np.floor(edges[:-1]), np.floor(edges[1:]) - np.floor(edges[:-1])
    offset = np.random.random_sample(num_frames) * length if random else (length - 1) / 2
    return (start + np.floor(offset)).astype(int)


@TRANSFORMS.register_module()
class SampleMaskFrames(BaseTransform):
    """Pick n of the valid frames: adds ``frame_inds (n,)``.

    Args:
        num_frames: n.
        test_mode: middle frame of each segment instead of a random one.
    """

    def __init__(self, num_frames: int = 16, test_mode: bool = False):
        self.num_frames, self.test_mode = num_frames, test_mode

    def transform(self, results: dict) -> dict:
        valid = np.flatnonzero(results['valid_frames'])
        if not len(valid):
            raise ValueError(f'sample {results.get("sample_id")} has no valid frame')
        pos = segment_indices(len(valid), self.num_frames, not self.test_mode)
        results['frame_inds'] = valid[pos]
        return results


@TRANSFORMS.register_module()
class LoadSoccerMasks(BaseTransform):
    """Decode the masks of ``frame_inds``: adds ``masks (n, H, W)`` uint8 and ``mask_boxes``.

    Args:
        with_ball: OR the ball mask into the player mask (thesis: the ball is included).
    """

    def __init__(self, with_ball: bool = True):
        self.with_ball = with_ball

    def transform(self, results: dict) -> dict:
        frames = results['frame_inds']
        results['masks'] = decode_masks(results, frames, self.with_ball)
        results['mask_boxes'] = union_boxes(results, frames, self.with_ball)
        return results


@TRANSFORMS.register_module()
class EnergyImageTransform(BaseTransform):
    """The sample's energy image ``energy (S, S)`` float32 in [0, 1].

    Args:
        size: output side S.
        mode: registration mode (``translation``, ``affine``, ``similarity``, ``none``);
            None uses the dataset's ``registration_mode`` (``results['energy_mode']``).
        use_cache: read ``<data_root>/<cache_dir>/<mode>/<sample>.png`` (written by the
            ``energy`` preprocessing stage); a missing file is an error. False computes it.
        cache_dir: the cache folder relative to the data root.
        cache_size: side of the cached images; a computed image is made at this size too and
            resized the same way, so both paths give the same input.
        energy_cfg: keyword arguments of
            :func:`~thesiscv.datasets.soccer_preprocessing.energy.sample_energy_image`
            (``with_ball``, ``support_thr``, ``canvas_pad``, ...) when computing.
    """

    def __init__(self, size: int = 224, mode: Optional[str] = None, use_cache: bool = True,
                 cache_dir: str = 'energy', cache_size: int = 224,
                 energy_cfg: Optional[dict] = None):
        self.size, self.mode, self.use_cache = size, mode, use_cache
        self.cache_dir, self.cache_size, self.energy_cfg = cache_dir, cache_size, energy_cfg or {}

    def transform(self, results: dict) -> dict:
        mode = self.mode or results.get('energy_mode', 'translation')
        if self.use_cache:
            path = osp.join(results.get('data_root', ''), self.cache_dir, mode,
                            f'{sample_file_name(results["sample_id"])}.png')
            image = load_energy_png(path)
        else:
            image = sample_energy_image(results, mode, self.cache_size, **self.energy_cfg).image
        if image.shape != (self.size, self.size):
            image = cv2.resize(image, (self.size, self.size), interpolation=cv2.INTER_AREA)
        results['energy'] = image
        return results
