"""Coordinates convolutional encoding (thesis §5.3.4, Eq. 5.16; CoordConv, Liu et al. 2018).

Two channels of normalized pixel coordinates are concatenated to a tensor: ``i`` (row index)
and ``j`` (column index), each linearly rescaled to [-1, 1] (``i' = 2i/(h-1) - 1``). For the pose
networks this turns the two stacked RGB frames ``(B, 6, H, W)`` into the 8-channel input
``(r1, g1, b1, r2, g2, b2, i, j)``; at ``position='features'`` the channels are appended to the
pose encoder's deepest map (``(B, 512, H/32, W/32)`` -> ``(B, 514, ...)``) instead (Table 5.10).
"""
import torch
from torch import Tensor, nn

from thesiscv.registry import MODELS

POSITIONS = ('input', 'features', 'input+features')


def coord_channels(height: int, width: int, like: Tensor) -> Tensor:
    """The ``(2, H, W)`` coordinate channels: row ``i`` then column ``j``, both in [-1, 1]."""
    rows = torch.linspace(-1, 1, height, dtype=like.dtype, device=like.device)
    cols = torch.linspace(-1, 1, width, dtype=like.dtype, device=like.device)
    return torch.stack(torch.meshgrid(rows, cols, indexing='ij'))


@MODELS.register_module()
class CoordConvEncoding(nn.Module):
    """Append coordinate channels to the pose network's input and/or its encoder features.

    Args:
        position: ``'input'`` (default, best in Table 5.10), ``'features'`` or
            ``'input+features'``.
    """

    def __init__(self, position: str = 'input'):
        super().__init__()
        if position not in POSITIONS:
            raise ValueError(f'CoordConvEncoding position must be one of {POSITIONS}, '
                             f'got {position!r}')
        self.position = position

    @property
    def at_input(self) -> bool:
        return 'input' in self.position

    @property
    def at_features(self) -> bool:
        return 'features' in self.position

    def forward(self, x: Tensor) -> Tensor:
        """``(B, C, H, W)`` -> ``(B, C + 2, H, W)``."""
        b, _, h, w = x.shape
        return torch.cat([x, coord_channels(h, w, x).expand(b, -1, -1, -1)], dim=1)
