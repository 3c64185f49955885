"""Pipeline steps of the VAE-attention data sets: anomaly masks in, model inputs out.

The image steps come from mmcv and mmdet through the registry (``mmcv.LoadImageFromFile``,
``mmcv.Resize``, ``mmcv.RandomFlip``, ``mmdet.Rotate``); these two add what they lack:

* :class:`LoadAnomalyMask` reads a pixel mask (MVTec ``*_mask.png``, UCSD ``*.bmp``) into
  ``gt_seg_map`` so that mmcv's geometric transforms move it with the image (nearest
  interpolation); images of normal samples get an all-zero mask.
* :class:`PackVAEInputs` turns ``img`` (``H x W [x C]``, uint8) into the model input
  ``(C, H, W)`` float in ``[0, 1]`` and collects labels and meta data into a
  :class:`~mmengine.structures.BaseDataElement`.
"""
from typing import Optional, Sequence

import mmcv
import numpy as np
import torch
from mmcv.transforms import BaseTransform
from mmengine.structures import BaseDataElement

from thesiscv.registry import TRANSFORMS

META_KEYS = ('img_path', 'mask_path', 'category', 'defect_type', 'clip', 'frame', 'digit',
             'sample_idx', 'ori_shape', 'img_shape')


@TRANSFORMS.register_module()
class LoadAnomalyMask(BaseTransform):
    """Read ``results['mask_path']`` into a binary ``gt_seg_map`` (``H x W`` uint8, 0/1).

    ``mask_path=None`` with ``gt_label == 0`` (a normal image) gives an all-zero mask of the
    image's size; any other label (1, or -1 for unknown) without a mask adds no mask. When
    ``gt_label`` is None it is set from the mask (anomalous iff any pixel is positive).
    """

    def transform(self, results: dict) -> dict:
        path = results.get('mask_path')
        if path is None:
            if results.get('gt_label', 0) != 0:
                return results
            results['gt_seg_map'] = np.zeros(results['img'].shape[:2], np.uint8)
        else:
            try:
                mask = mmcv.imread(path, flag='grayscale', backend='cv2')
            except (OSError, FileNotFoundError) as err:
                raise FileNotFoundError(f'cannot read the mask {path}: {err}') from err
            if mask is None:
                raise OSError(f'the mask {path} is corrupt or not an image; replace it (or '
                              're-generate the synthetic data set)')
            results['gt_seg_map'] = (mask > 0).astype(np.uint8)
        if results.get('gt_label') is None:
            results['gt_label'] = int(results['gt_seg_map'].any())
        return results


@TRANSFORMS.register_module()
class PackVAEInputs(BaseTransform):
    """Pack ``img`` and the annotations into ``dict(inputs, data_samples)``.

    Args:
        scale: divide pixel values by this (255 for uint8 images).
        to_rgb: reorder 3-channel images from mmcv's BGR to RGB.
        meta_keys: keys copied into the sample's metainfo when present.

    ``data_samples`` fields: ``gt_mask`` (``H x W`` bool, from ``gt_seg_map``), ``gt_label``
    (int: 0 normal, 1 anomalous, -1 unknown) and ``factor_classes`` (dSprites), when present.
    """

    def __init__(self, scale: float = 255.0, to_rgb: bool = True,
                 meta_keys: Sequence[str] = META_KEYS):
        self.scale = scale
        self.to_rgb = to_rgb
        self.meta_keys = tuple(meta_keys)

    def transform(self, results: dict) -> dict:
        img = results['img']
        if img.ndim == 2:
            img = img[..., None]
        elif self.to_rgb and img.shape[2] == 3:
            img = img[..., ::-1]
        inputs = torch.from_numpy(np.array(img.transpose(2, 0, 1), dtype=np.float32))
        inputs.div_(self.scale)
        sample = BaseDataElement(metainfo={k: results[k] for k in self.meta_keys if k in results})
        if 'gt_seg_map' in results:
            sample.gt_mask = torch.from_numpy(results['gt_seg_map'] > 0)
        label: Optional[int] = results.get('gt_label')
        if label is not None:
            sample.gt_label = int(label)
        if 'factor_classes' in results:
            sample.factor_classes = torch.as_tensor(results['factor_classes'])
        return dict(inputs=inputs, data_samples=sample)

    def __repr__(self) -> str:
        return f'{type(self).__name__}(scale={self.scale}, to_rgb={self.to_rgb})'
