"""Multi-scale ResNet encoder over mmdet's ResNet (no torchvision).

Shared by MonoIndoor++ (depth and pose encoders, Monodepth2 layout) and the VAE-attention
ResNet-18 VAE. The residual network itself is mmdet's registered ``ResNet`` (its parameter
names follow torchvision's, so ImageNet weights in torchvision layout load with
``init_cfg=dict(type='Pretrained', checkpoint=LOCAL_PATH)``); this module only exposes the
feature after the stem's ReLU as well, which Monodepth2-style decoders need.

Input ``(B, in_channels, H, W)``; output a list of 5 maps:
``[stem (H/2), layer1 (H/4), layer2 (H/8), layer3 (H/16), layer4 (H/32)]`` with
:attr:`ResNetEncoder.channels` channels, e.g. ``(64, 64, 128, 256, 512)`` for ResNet-18.
"""
from typing import List, Optional

import torch
from mmengine.model import BaseModule

from thesiscv.registry import MODELS

_EXPANSION = {18: 1, 34: 1, 50: 4, 101: 4, 152: 4}


@MODELS.register_module()
class ResNetEncoder(BaseModule):
    """ResNet returning the stem feature and the four stage outputs.

    Args:
        depth: 18, 34, 50, 101 or 152.
        in_channels: input channels (3 for an image; more for stacked frames or coordinates).
        norm_cfg: normalization layers, as in mmdet's ResNet.
        norm_eval: keep BatchNorm in eval mode while training.
        base_channels: width of the stem and the first stage (64 in a standard ResNet; the
            later stages double it); narrower networks suit CPU-sized experiments.
        init_cfg: e.g. ``dict(type='Pretrained', checkpoint='resnet18.pth')`` (local path).
    """

    def __init__(self, depth: int = 18, in_channels: int = 3,
                 norm_cfg: dict = dict(type='BN', requires_grad=True), norm_eval: bool = False,
                 base_channels: int = 64, init_cfg: Optional[dict] = None):
        super().__init__()
        if depth not in _EXPANSION:
            raise KeyError(f'ResNetEncoder depth must be one of {sorted(_EXPANSION)}, got {depth}')
        self.resnet = MODELS.build(
            dict(type='mmdet.ResNet', depth=depth, in_channels=in_channels,
                 base_channels=base_channels, out_indices=(0, 1, 2, 3), norm_cfg=norm_cfg,
                 norm_eval=norm_eval, init_cfg=init_cfg))
        c = base_channels * _EXPANSION[depth]
        self.channels = (base_channels, c, 2 * c, 4 * c, 8 * c)

    def init_weights(self) -> None:
        self.resnet.init_weights()

    def forward(self, x: torch.Tensor) -> List[torch.Tensor]:
        r = self.resnet
        x = r.relu(r.norm1(r.conv1(x)))
        features = [x]
        x = r.maxpool(x)
        for name in r.res_layers:
            x = getattr(r, name)(x)
            features.append(x)
        return features
