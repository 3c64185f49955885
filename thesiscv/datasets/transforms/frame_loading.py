"""Load the frames of a video sample and its ground-truth depth (self-supervised depth, Ch. 5).

``LoadFrameSequence``: ``results['img_paths']`` (target first, then the sources in
``frame_ids`` order) -> ``results['imgs']``, a list of ``(H, W, 3)`` uint8 RGB arrays (grey
images are replicated to 3 channels, as for EuRoC's cameras).
``LoadDepthGT``: ``results['depth_path']`` -> ``results['gt_depth']`` ``(h, w)`` float32 metres
(0 where there is no measurement): 16-bit PNG divided by ``depth_scale``, ``.npy``, or ``.npz``
with key ``depth``; ``invalid_value`` (e.g. 65535 in 7-Scenes) becomes 0.
"""
import os.path as osp

import cv2
import numpy as np
from mmcv.transforms import BaseTransform

from thesiscv.registry import TRANSFORMS


def read_rgb(path: str) -> np.ndarray:
    """Read an image file as ``(H, W, 3)`` uint8 RGB, with an error that names the file."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'frame {path} does not exist: check data_root and the '
                                'sequence folder (or regenerate the synthetic data)')
    img = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if img is None:
        raise OSError(f'cannot decode image {path}: the file is corrupt or not an image')
    if img.dtype == np.uint16:
        img = (img / 257).astype(np.uint8)
    if img.ndim == 2:
        return np.repeat(img[..., None], 3, axis=2)
    return np.ascontiguousarray(img[..., 2::-1])


def read_depth(path: str, depth_scale: float = 1000.0, invalid_value: float = None) -> np.ndarray:
    """Read a depth map in metres from a 16-bit PNG, ``.npy`` or ``.npz`` (key ``depth``)."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'ground-truth depth {path} does not exist')
    if path.endswith('.npy'):
        depth = np.load(path)
    elif path.endswith('.npz'):
        with np.load(path) as data:
            if 'depth' not in data:
                raise KeyError(f'{path} has no array "depth" (found {list(data.keys())})')
            depth = data['depth']
    else:
        raw = cv2.imread(path, cv2.IMREAD_UNCHANGED)
        if raw is None or raw.ndim != 2:
            raise OSError(f'cannot read {path} as a single-channel 16-bit depth PNG')
        depth = raw.astype(np.float32)
        if invalid_value is not None:
            depth[raw == invalid_value] = 0
        return depth / depth_scale
    depth = np.asarray(depth, dtype=np.float32)
    return np.where(np.isfinite(depth), depth, 0)


@TRANSFORMS.register_module()
class LoadFrameSequence(BaseTransform):
    """Read every frame of a sample (target and sources)."""

    def transform(self, results: dict) -> dict:
        imgs = [read_rgb(path) for path in results['img_paths']]
        shapes = {img.shape for img in imgs}
        if len(shapes) > 1:
            raise ValueError(f'frames of one sample differ in size {shapes}: '
                             f'{results["img_paths"]}')
        results['imgs'] = imgs
        results['ori_shape'] = results['img_shape'] = imgs[0].shape[:2]
        return results


@TRANSFORMS.register_module()
class LoadDepthGT(BaseTransform):
    """Read the target frame's ground-truth depth (test sets)."""

    def transform(self, results: dict) -> dict:
        results['gt_depth'] = read_depth(results['depth_path'],
                                         results.get('depth_scale', 1000.0),
                                         results.get('depth_invalid_value'))
        return results
