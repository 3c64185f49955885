"""Batch the samples of the depth data sets (no normalization: the encoders normalize).

Input (after ``pseudo_collate``): ``inputs = dict(img=[(F, 3, H, W) uint8], img_aug=[...],
K=[(4, 4) normalized intrinsics])``. Output: ``img``/``img_aug`` as ``(B, F, 3, H, W)`` float
in [0, 1] (``img_aug`` defaults to ``img``) and ``K`` as ``(B, 4, 4)``, on the model's device.
"""
from typing import Optional

import torch
from mmengine.model import BaseDataPreprocessor

from thesiscv.registry import MODELS


@MODELS.register_module()
class DepthDataPreprocessor(BaseDataPreprocessor):
    """Stack frames and intrinsics; check the resolution suits the encoder.

    Args:
        size_divisor: height and width must be multiples of it (32 for ResNet encoders).
    """

    def __init__(self, size_divisor: int = 32, non_blocking: Optional[bool] = False):
        super().__init__(non_blocking)
        self.size_divisor = size_divisor

    def forward(self, data: dict, training: bool = False) -> dict:
        data = self.cast_data(data)
        inputs = {key: torch.stack(value) if isinstance(value, (list, tuple)) else value
                  for key, value in data['inputs'].items()}
        for key in ('img', 'img_aug'):
            if key in inputs and not inputs[key].is_floating_point():
                inputs[key] = inputs[key].float() / 255
        inputs.setdefault('img_aug', inputs['img'])
        inputs['K'] = inputs['K'].float()
        h, w = inputs['img'].shape[-2:]
        if h % self.size_divisor or w % self.size_divisor:
            raise ValueError(f'input size {h}x{w} (HxW) must be a multiple of '
                             f'{self.size_divisor}: set the pipeline\'s ResizeWithIntrinsics '
                             'scale accordingly')
        return dict(inputs=inputs, data_samples=data.get('data_samples'))
