"""Photometric reprojection loss (thesis Eqs. 5.1 and 5.3) with Monodepth2's per-pixel minimum
over sources and auto-masking (spec §2.6).

``pe(a, b) = alpha * SSIM_loss(a, b) + (1 - alpha) * mean_c |a - b|``, ``alpha = 0.85``.
Auto-masking appends the errors of the *un-warped* sources (plus noise of 1e-5 to break ties);
the per-pixel minimum over ``[identity errors, reprojection errors]`` then gives pixels that
look static (identity wins) a loss without gradient. The loss is the mean over pixels.

Shapes: target ``(B, C, H, W)``, warped and sources ``(S, B, C, H, W)`` -> scalar.
"""
from typing import Optional, Tuple

import torch
from torch import Tensor, nn

from thesiscv.registry import MODELS
from .ssim import SSIM


@MODELS.register_module()
class PhotometricLoss(nn.Module):
    """Minimum-reprojection photometric loss with auto-masking.

    Args:
        alpha: weight of the SSIM term (0.85).
        min_reprojection: per-pixel minimum over sources (else their mean).
        automask: add the identity reprojection errors to the minimum.
        automask_noise: noise added to the identity errors.
        loss_weight: multiplier of the loss.
    """

    def __init__(self, alpha: float = 0.85, min_reprojection: bool = True,
                 automask: bool = True, automask_noise: float = 1e-5,
                 loss_weight: float = 1.0):
        super().__init__()
        self.alpha = alpha
        self.min_reprojection = min_reprojection
        self.automask = automask
        self.automask_noise = automask_noise
        self.loss_weight = loss_weight
        self.ssim = SSIM()

    def reprojection_error(self, pred: Tensor, target: Tensor) -> Tensor:
        """Eq. 5.3 per pixel: ``(..., C, H, W)`` x2 -> ``(..., H, W)``."""
        shape = pred.shape
        pred, target = pred.reshape(-1, *shape[-3:]), target.reshape(-1, *shape[-3:])
        l1 = (pred - target).abs().mean(1)
        ssim = self.ssim(pred, target).mean(1)
        return (self.alpha * ssim + (1 - self.alpha) * l1).view(*shape[:-3], *shape[-2:])

    def per_pixel(self, target: Tensor, warped: Tensor,
                  sources: Optional[Tensor] = None) -> Tuple[Tensor, Tensor]:
        """Per-pixel loss ``(B, H, W)`` and the auto-mask (True where a warp wins)."""
        num_sources = warped.shape[0]
        errors = self.reprojection_error(warped, target.expand_as(warped))  # (S, B, H, W)
        if not self.min_reprojection:
            errors = errors.mean(0, keepdim=True)
        if self.automask:
            if sources is None:
                raise ValueError('auto-masking needs the un-warped source images')
            identity = self.reprojection_error(sources, target.expand_as(sources))
            identity = identity + torch.randn_like(identity) * self.automask_noise
            errors = torch.cat([identity, errors])
        loss, index = errors.min(0)
        mask = index >= (num_sources if self.automask else 0)
        return loss, mask

    def forward(self, target: Tensor, warped: Tensor, sources: Optional[Tensor] = None) -> Tensor:
        return self.loss_weight * self.per_pixel(target, warped, sources)[0].mean()
