"""Colour jitter with the same random parameters for every frame of a sample (Monodepth2).

The jittered frames (``results['imgs_aug']``) feed the networks; the original frames stay in
``results['imgs']`` for the photometric loss. Brightness and contrast scale intensities,
saturation blends with the grey image and hue rotates the HSV hue; all frames of a sample are
processed as one stacked array.
"""
from typing import Tuple

import cv2
import numpy as np
from mmcv.transforms import BaseTransform

from thesiscv.registry import TRANSFORMS

_GREY = np.array([0.299, 0.587, 0.114], dtype=np.float32)


@TRANSFORMS.register_module()
class ConsistentColorJitter(BaseTransform):
    """Random brightness, contrast, saturation and hue, shared by all frames.

    Args:
        brightness, contrast, saturation: factors drawn from ``[1 - x, 1 + x]``.
        hue: hue shift drawn from ``[-hue, hue]`` (fraction of a full turn).
        prob: probability of jittering a sample (otherwise ``imgs_aug`` = ``imgs``).
    """

    def __init__(self, brightness: float = 0.2, contrast: float = 0.2, saturation: float = 0.2,
                 hue: float = 0.1, prob: float = 0.5):
        self.brightness, self.contrast, self.saturation, self.hue = (
            brightness, contrast, saturation, hue)
        self.prob = prob

    def sample_params(self) -> Tuple[float, float, float, float]:
        uniform = np.random.uniform
        return (uniform(1 - self.brightness, 1 + self.brightness),
                uniform(1 - self.contrast, 1 + self.contrast),
                uniform(1 - self.saturation, 1 + self.saturation),
                uniform(-self.hue, self.hue))

    def transform(self, results: dict) -> dict:
        if np.random.rand() >= self.prob:
            results['imgs_aug'] = [img.copy() for img in results['imgs']]
            return results
        brightness, contrast, saturation, hue = self.sample_params()
        x = np.stack(results['imgs']).astype(np.float32) / 255  # (F, H, W, 3)
        x = np.clip(x * brightness, 0, 1)
        grey = x @ _GREY
        mean = grey.mean(axis=(1, 2), keepdims=True)[..., None]
        x = np.clip((x - mean) * contrast + mean, 0, 1)
        grey = (x @ _GREY)[..., None]
        x = np.clip((x - grey) * saturation + grey, 0, 1)
        if hue:
            hsv = cv2.cvtColor(x.reshape(-1, x.shape[2], 3), cv2.COLOR_RGB2HSV)
            hsv[..., 0] = (hsv[..., 0] + hue * 360) % 360
            x = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB).reshape(x.shape)
        aug = np.clip(np.round(x * 255), 0, 255).astype(np.uint8)
        results['imgs_aug'] = list(aug)
        return results
