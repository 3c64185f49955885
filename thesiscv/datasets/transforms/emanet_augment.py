"""Synchronised augmentation of EMA-Net's energy image and masks (spec §2.10).

The energy image ``energy (S, S)`` and every mask ``masks (n, S, S)`` of a sample get the same
random horizontal flip (label-safe: no class is side-specific) and the same random resized
crop (area 0.8-1.0, aspect 3/4-4/3), resized back to S. Random draws use NumPy's global
generator, which mmengine seeds per run and per dataloader worker.
"""
import math
from typing import Sequence

import numpy as np
import torch
import torch.nn.functional as F
from mmcv.transforms import BaseTransform

from thesiscv.registry import TRANSFORMS

KEYS = ('energy', 'masks')


@TRANSFORMS.register_module()
class SyncRandomFlip(BaseTransform):
    """Flip ``energy`` and ``masks`` left-right together with probability ``prob``."""

    def __init__(self, prob: float = 0.5):
        self.prob = prob

    def transform(self, results: dict) -> dict:
        if np.random.random_sample() < self.prob:
            for key in KEYS:
                results[key] = np.ascontiguousarray(results[key][..., ::-1])
        return results


@TRANSFORMS.register_module()
class SyncRandomResizedCrop(BaseTransform):
    """One random crop of relative area ``scale`` and aspect ``ratio`` for both inputs.

    Args:
        scale: range of the crop area as a fraction of the image.
        ratio: range of the crop aspect ratio (width / height), sampled log-uniformly.
    """

    def __init__(self, scale: Sequence[float] = (0.8, 1.0),
                 ratio: Sequence[float] = (3 / 4, 4 / 3)):
        self.scale, self.ratio = scale, ratio

    def transform(self, results: dict) -> dict:
        size = results['energy'].shape[-1]
        area = np.random.uniform(*self.scale)
        aspect = math.exp(np.random.uniform(math.log(self.ratio[0]), math.log(self.ratio[1])))
        cw = min(1.0, math.sqrt(area * aspect))
        ch = min(1.0, math.sqrt(area / aspect))
        x0, y0 = np.random.uniform(0, 1 - cw), np.random.uniform(0, 1 - ch)
        rows = slice(int(y0 * size), max(int(y0 * size) + 1, int((y0 + ch) * size)))
        cols = slice(int(x0 * size), max(int(x0 * size) + 1, int((x0 + cw) * size)))
        for key in KEYS:
            x = torch.from_numpy(np.ascontiguousarray(results[key], np.float32))
            x = x.reshape(-1, 1, *x.shape[-2:])[..., rows, cols]
            x = F.interpolate(x, size=(size, size), mode='bilinear', align_corners=False)
            results[key] = x.reshape(results[key].shape).numpy()
        return results
