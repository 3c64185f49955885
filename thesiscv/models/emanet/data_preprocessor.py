"""Batching and normalisation of EMA-Net's two inputs (spec §6.2 ``EMADataPreprocessor``).

The data pipeline yields per sample ``inputs = dict(energy=(1, S, S), masks=(n, 1, S, S))``
with values in [0, 1]. This stacks them into ``energy (B, C, S, S)`` and ``masks
(B, n, C, S, S)``, normalises with ``(x - mean) / std`` and replicates the single channel to
``num_channels`` (3 to match ImageNet-pretrained ViTs).
"""
from typing import Optional

import torch
from mmengine.model import BaseDataPreprocessor

from thesiscv.registry import MODELS


@MODELS.register_module()
class EMADataPreprocessor(BaseDataPreprocessor):
    """Stack, normalise and channel-replicate EMA-Net inputs.

    Args:
        mean, std: normalisation of the [0, 1] inputs (0.5 / 0.5 maps them to [-1, 1]).
        num_channels: channels the extractor expects.
    """

    def __init__(self, mean: float = 0.5, std: float = 0.5, num_channels: int = 3,
                 non_blocking: Optional[bool] = False):
        super().__init__(non_blocking)
        self.mean, self.std, self.num_channels = mean, std, num_channels

    def _prepare(self, x) -> torch.Tensor:
        x = torch.stack(list(x)) if isinstance(x, (list, tuple)) else x
        x = (x.float() - self.mean) / self.std
        shape = list(x.shape)
        shape[-3] = self.num_channels
        return x.expand(*shape).contiguous() if x.shape[-3] == 1 else x

    def forward(self, data: dict, training: bool = False) -> dict:
        data = self.cast_data(data)
        inputs = data['inputs']
        missing = {'energy', 'masks'} - set(inputs)
        if missing:
            raise KeyError(f'EMADataPreprocessor: inputs lack {sorted(missing)}; the pipeline '
                           'must end with PackEMAInputs')
        return dict(inputs={k: self._prepare(v) for k, v in inputs.items()},
                    data_samples=data.get('data_samples'))
