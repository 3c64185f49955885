"""Pack a video-depth sample for :class:`thesiscv.models.monoindoor.DepthDataPreprocessor`.

``inputs = dict(img=(F, 3, H, W) uint8, img_aug=(F, 3, H, W) uint8, K=(4, 4) float32)`` and a
``BaseDataElement`` with metainfo (``img_path``, ``frame_ids``, ``ori_shape``, ``img_shape``,
``seq``, ``frame_index``, ``with_pose``), ``gt_depth`` ``(h, w)`` where loaded and ``gt_pose``
``(F - 1, 4, 4)`` target -> source transforms ``P_s^-1 P_t`` where every frame has a
camera-to-world pose.
"""
from typing import Sequence

import numpy as np
import torch
from mmcv.transforms import BaseTransform
from mmengine.structures import BaseDataElement

from thesiscv.registry import TRANSFORMS


def _frames_tensor(frames: Sequence[np.ndarray]) -> torch.Tensor:
    return torch.from_numpy(np.stack(frames)).permute(0, 3, 1, 2).contiguous()


@TRANSFORMS.register_module()
class PackSelfSupInputs(BaseTransform):
    """Frames, intrinsics, ground truth and meta information -> ``inputs`` + ``data_samples``.

    Args:
        meta_keys: keys of ``results`` copied into the data sample's metainfo when present.
    """

    def __init__(self, meta_keys: Sequence[str] = ('img_path', 'frame_ids', 'ori_shape',
                                                   'img_shape', 'seq', 'frame_index',
                                                   'with_pose', 'flip')):
        self.meta_keys = tuple(meta_keys)

    def transform(self, results: dict) -> dict:
        results.setdefault('img_path', results['img_paths'][0])
        inputs = dict(img=_frames_tensor(results['imgs']),
                      K=torch.as_tensor(np.asarray(results['K'], dtype=np.float32)))
        if 'imgs_aug' in results:
            inputs['img_aug'] = _frames_tensor(results['imgs_aug'])
        sample = BaseDataElement(
            metainfo={k: results[k] for k in self.meta_keys if k in results})
        if 'gt_depth' in results:
            sample.gt_depth = torch.from_numpy(np.ascontiguousarray(results['gt_depth']))
        poses = results.get('poses')
        if poses is not None and len(poses) > 1 and all(p is not None for p in poses):
            target = np.asarray(poses[0], dtype=np.float64)
            rel = [np.linalg.inv(np.asarray(p, dtype=np.float64)) @ target for p in poses[1:]]
            sample.gt_pose = torch.from_numpy(np.stack(rel).astype(np.float32))
        return dict(inputs=inputs, data_samples=sample)
