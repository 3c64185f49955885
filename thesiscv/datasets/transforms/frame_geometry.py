"""Geometric steps of video-depth pipelines that keep the intrinsics right (spec §4).

Intrinsics travel as ``results['K']``, a ``(4, 4)`` matrix normalized by the current image size
(``fx/W, fy/H, cx/W, cy/H``): resizing leaves it unchanged, cropping shifts the principal point
(before normalizing again) and a horizontal flip mirrors it. All frames of a sample
(``results['imgs']``, and ``imgs_aug`` when present) get the same operation; the ground-truth
depth is left at its native resolution (metrics compare there).
"""
from typing import Optional, Sequence, Tuple

import cv2
import numpy as np
from mmcv.transforms import BaseTransform

from thesiscv.registry import TRANSFORMS


def pixel_intrinsics(K: np.ndarray, height: int, width: int) -> np.ndarray:
    """Normalized ``(4, 4)`` -> pixel ``(3, 3)`` intrinsics."""
    out = np.array(K, dtype=np.float64)[:3, :3].copy()
    out[0] *= width
    out[1] *= height
    return out


def normalized_intrinsics(K: np.ndarray, height: int, width: int) -> np.ndarray:
    """Pixel ``(3, 3)`` (or ``(4, 4)``) -> normalized ``(4, 4)`` intrinsics."""
    out = np.eye(4)
    out[:3, :3] = np.asarray(K, dtype=np.float64)[:3, :3]
    out[0, :3] /= width
    out[1, :3] /= height
    return out


def _apply(results: dict, func) -> None:
    for key in ('imgs', 'imgs_aug'):
        if key in results:
            results[key] = [func(img) for img in results[key]]
    results['img_shape'] = results['imgs'][0].shape[:2]


@TRANSFORMS.register_module()
class Undistort(BaseTransform):
    """Remove lens distortion with OpenCV's model, keeping the same pinhole ``K``.

    Args:
        coeffs: distortion coefficients ``(k1, k2, p1, p2[, k3])``; None: use the sample's
            ``results['distortion']`` (e.g. from EuRoC's ``sensor.yaml``).
    """

    def __init__(self, coeffs: Optional[Sequence[float]] = None):
        self.coeffs = None if coeffs is None else tuple(coeffs)
        self._maps = {}

    def transform(self, results: dict) -> dict:
        coeffs = self.coeffs if self.coeffs is not None else results.get('distortion')
        if coeffs is None or not np.any(coeffs):
            return results
        h, w = results['img_shape']
        K = pixel_intrinsics(results['K'], h, w)
        key = (h, w, tuple(np.round(K.ravel(), 6)), tuple(coeffs))
        if key not in self._maps:  # one remap table per camera and size
            self._maps[key] = cv2.initUndistortRectifyMap(
                K, np.asarray(coeffs, dtype=np.float64), None, K, (w, h), cv2.CV_32FC1)
        map_x, map_y = self._maps[key]
        _apply(results, lambda img: cv2.remap(img, map_x, map_y, cv2.INTER_LINEAR))
        return results


@TRANSFORMS.register_module()
class CropBorder(BaseTransform):
    """Crop ``border`` pixels from every side (e.g. 16 px of black NYUv2 borders)."""

    def __init__(self, border: int = 16):
        self.border = border

    def transform(self, results: dict) -> dict:
        b = self.border
        h, w = results['img_shape']
        K = pixel_intrinsics(results['K'], h, w)
        K[0, 2] -= b
        K[1, 2] -= b
        _apply(results, lambda img: np.ascontiguousarray(img[b:h - b, b:w - b]))
        results['K'] = normalized_intrinsics(K, h - 2 * b, w - 2 * b)
        return results


@TRANSFORMS.register_module()
class ResizeWithIntrinsics(BaseTransform):
    """Resize every frame to ``scale = (W, H)`` (area interpolation); normalized K is kept."""

    def __init__(self, scale: Tuple[int, int]):
        self.scale = tuple(scale)

    def transform(self, results: dict) -> dict:
        if tuple(results['img_shape']) != self.scale[::-1]:
            _apply(results, lambda img: cv2.resize(img, self.scale, interpolation=cv2.INTER_AREA))
        return results


@TRANSFORMS.register_module()
class RandomFlipSequence(BaseTransform):
    """Flip all frames of a sample horizontally with probability ``prob``.

    Args:
        prob: flip probability (0.5 in Monodepth2).
        mirror_principal_point: set ``cx -> 1 - cx`` (exact for any camera; Monodepth2 leaves K
            unchanged, which is the same for a centred principal point).
    """

    def __init__(self, prob: float = 0.5, mirror_principal_point: bool = True):
        self.prob = prob
        self.mirror_principal_point = mirror_principal_point

    def transform(self, results: dict) -> dict:
        if np.random.rand() >= self.prob:
            return results
        _apply(results, lambda img: np.ascontiguousarray(img[:, ::-1]))
        if self.mirror_principal_point:
            K = np.array(results['K'], dtype=np.float64)
            K[0, 2] = 1 - K[0, 2]
            results['K'] = K
        results['flip'] = True
        return results
