"""Structural dissimilarity map with 3x3 average pooling (the SSIM term of Eq. 5.3, Monodepth2).

``SSIM(x, y) = (2 mu_x mu_y + C1)(2 sigma_xy + C2) / ((mu_x^2 + mu_y^2 + C1)(sigma_x^2 +
sigma_y^2 + C2))`` with local statistics from 3x3 average pooling of reflection-padded inputs;
the loss map is ``clamp((1 - SSIM) / 2, 0, 1)``. Shapes: ``(B, C, H, W)`` x2 -> ``(B, C, H, W)``.
"""
import torch.nn.functional as F
from torch import Tensor, nn

from thesiscv.registry import MODELS


@MODELS.register_module()
class SSIM(nn.Module):
    """SSIM loss map.

    Args:
        c1, c2: stabilizers ``(0.01)^2`` and ``(0.03)^2`` for intensities in [0, 1].
        window: pooling window (3).
    """

    def __init__(self, c1: float = 0.01**2, c2: float = 0.03**2, window: int = 3):
        super().__init__()
        self.c1, self.c2, self.window = c1, c2, window

    def forward(self, x: Tensor, y: Tensor) -> Tensor:
        pad = self.window // 2
        x = F.pad(x, [pad] * 4, mode='reflect')
        y = F.pad(y, [pad] * 4, mode='reflect')
        pool = lambda t: F.avg_pool2d(t, self.window, stride=1)  # noqa: E731
        mu_x, mu_y = pool(x), pool(y)
        sigma_x = pool(x * x) - mu_x**2
        sigma_y = pool(y * y) - mu_y**2
        sigma_xy = pool(x * y) - mu_x * mu_y
        num = (2 * mu_x * mu_y + self.c1) * (2 * sigma_xy + self.c2)
        den = (mu_x**2 + mu_y**2 + self.c1) * (sigma_x + sigma_y + self.c2)
        return ((1 - num / den) / 2).clamp(0, 1)
