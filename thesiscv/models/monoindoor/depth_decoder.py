"""Monodepth2's multi-scale disparity decoder (spec §2.3).

From the 5 encoder maps (strides 2..32) the decoder goes up stage by stage i = 4..0: ConvBlock,
nearest x2 upsampling, concatenation of the skip map ``f_{i-1}``, ConvBlock; at the output
scales a reflection-padded 3x3 conv + sigmoid gives ``(B, 1, H / 2^s, W / 2^s)`` in (0, 1).
ConvBlock is a reflection-padded 3x3 conv + ELU. All convs keep PyTorch's default
initialization, as in Monodepth2 (mmcv's ``ConvModule`` would re-initialize them Kaiming
fan-out, which from scratch saturates the sigmoid at the start: the depth then collapses to a
constant).
"""
import math
from typing import List, Sequence

import torch
import torch.nn.functional as F
from mmengine.model import BaseModule
from torch import Tensor, nn

from thesiscv.registry import MODELS


def conv_block(in_channels: int, out_channels: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, 3, padding=1, padding_mode='reflect'), nn.ELU())


@MODELS.register_module()
class DepthDecoder(BaseModule):
    """Sigmoid disparity maps at ``scales`` from encoder features.

    Args:
        in_channels: channels of the 5 encoder maps.
        channels: decoder channels per level (``num_ch_dec``).
        scales: output scales s (resolution ``H / 2^s``), returned in this order.
        use_skips: concatenate the encoder's skip maps.
    """

    def __init__(self, in_channels: Sequence[int] = (64, 64, 128, 256, 512),
                 channels: Sequence[int] = (16, 32, 64, 128, 256),
                 scales: Sequence[int] = (0, 1, 2, 3), use_skips: bool = True):
        super().__init__()
        if len(in_channels) != 5 or len(channels) != 5:
            raise ValueError('DepthDecoder expects 5 encoder maps and 5 decoder widths, got '
                             f'in_channels={in_channels}, channels={channels}')
        self.scales = tuple(scales)
        self.use_skips = use_skips
        self.upconvs0, self.upconvs1 = nn.ModuleList(), nn.ModuleList()
        for i in range(4, -1, -1):
            c_in = in_channels[-1] if i == 4 else channels[i + 1]
            self.upconvs0.append(conv_block(c_in, channels[i]))
            c_skip = in_channels[i - 1] if use_skips and i > 0 else 0
            self.upconvs1.append(conv_block(channels[i] + c_skip, channels[i]))
        self.dispconvs = nn.ModuleDict({
            str(s): nn.Conv2d(channels[s], 1, 3, padding=1, padding_mode='reflect')
            for s in self.scales
        })

    def forward(self, features: List[Tensor]) -> List[Tensor]:
        """Encoder maps -> sigmoid disparities, one ``(B, 1, H/2^s, W/2^s)`` per scale."""
        out = {}
        x = features[-1]
        for stage, i in enumerate(range(4, -1, -1)):
            x = F.interpolate(self.upconvs0[stage](x), scale_factor=2, mode='nearest')
            if self.use_skips and i > 0:
                x = torch.cat([x, features[i - 1]], dim=1)
            x = self.upconvs1[stage](x)
            if i in self.scales:
                out[i] = torch.sigmoid(self.dispconvs[str(i)](x))
        return [out[s] for s in self.scales]

    def init_output(self, sigmoid: float) -> None:
        """Set the output convs' bias so that the untrained decoder predicts about ``sigmoid``
        everywhere (its weights stay random, so the prediction still varies slightly)."""
        if not 0 < sigmoid < 1:
            raise ValueError(f'the initial sigmoid output must lie in (0, 1), got {sigmoid}')
        bias = math.log(sigmoid / (1 - sigmoid))
        for conv in self.dispconvs.values():
            nn.init.constant_(conv.bias, bias)
