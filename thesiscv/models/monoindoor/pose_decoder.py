"""Monodepth2's pose regressor (spec §2.4), one per stage of the residual pose module.

On the pose encoder's deepest map ``(B, 512 [+2 coordinate channels], h, w)``: 1x1 squeeze conv
to 256 + ReLU, two 3x3 convs + ReLU, 1x1 conv to 6, spatial mean; the rotation times ``out_scale``
(0.01), the translation times ``translation_scale`` (by default the same); returns axis-angle
``(B, 3)`` and translation ``(B, 3)``.
"""
from typing import Optional, Tuple

from mmengine.model import BaseModule
from torch import Tensor, nn

from thesiscv.registry import MODELS


@MODELS.register_module()
class PoseDecoder(BaseModule):
    """Pose regressor.

    Args:
        in_channels: channels of the encoder map (plus 2 for CoordConv on features).
        channels: hidden width.
        out_scale: output multiplier (0.01: poses between frames are small).
        translation_scale: multiplier of the translation alone (None: ``out_scale``). Under a
            nearly uniform depth a sideways translation ``t`` and a rotation of ``t / D``
            radians move the image alike; with one multiplier the translation needs a ``D``
            times larger raw output, so a network trained from scratch explains the motion by
            rotation and the depth gets no parallax to learn from.
        zero_init_last: start at the identity pose (an option for residual stages).
    """

    def __init__(self, in_channels: int = 512, channels: int = 256, out_scale: float = 0.01,
                 translation_scale: Optional[float] = None, zero_init_last: bool = False):
        super().__init__()
        self.in_channels = in_channels
        self.net = nn.Sequential(
            nn.Conv2d(in_channels, channels, 1), nn.ReLU(inplace=True),
            nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(channels, 6, 1))
        if zero_init_last:
            nn.init.zeros_(self.net[-1].weight)
            nn.init.zeros_(self.net[-1].bias)
        self.out_scale = out_scale
        self.translation_scale = out_scale if translation_scale is None else translation_scale

    def forward(self, x: Tensor) -> Tuple[Tensor, Tensor]:
        out = self.net(x).mean(dim=(2, 3))
        return out[:, :3] * self.out_scale, out[:, 3:] * self.translation_scale
