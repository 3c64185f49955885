"""Global-scale heads of the scale network (thesis Eq. 5.11; Table 5.9 "Prob. Reg.").

``ProbabilisticScaleHead``: a linear layer gives logits over discrete scale values
``s_0 .. s_{N-1}`` (default ``0, 1, ..., max_scale``) and ``S = sum_s s softmax(logits)_s``
(soft-argmin style expectation, PSMNet), clamped to at least ``min_scale_clamp``.
``DirectScaleHead``: one output, ``S = max_scale * sigmoid(x)`` (the "Prob. Reg. x" rows).

Shapes: features ``(B, C)`` -> scale ``(B,)``.
"""
from typing import Optional

import torch
from torch import Tensor, nn

from thesiscv.registry import MODELS


@MODELS.register_module()
class ProbabilisticScaleHead(nn.Module):
    """Expected scale over linearly spaced bins.

    Args:
        in_channels: input feature width.
        max_scale: the largest bin (``D_max``: 10 indoors, 20 on EuRoC).
        num_bins: number of bins (default ``max_scale + 1``: unit spacing as in Eq. 5.11).
        min_scale: the smallest bin.
        min_scale_clamp: lower bound of the output (bin 0 would allow zero depth).
    """

    def __init__(self, in_channels: int = 128, max_scale: float = 10.0,
                 num_bins: Optional[int] = None, min_scale: float = 0.0,
                 min_scale_clamp: float = 1e-3):
        super().__init__()
        num_bins = num_bins or int(round(max_scale - min_scale)) + 1
        self.fc = nn.Linear(in_channels, num_bins)
        self.register_buffer('bins', torch.linspace(min_scale, max_scale, num_bins),
                             persistent=False)
        self.min_scale_clamp = min_scale_clamp

    def expectation(self, logits: Tensor) -> Tensor:
        """Eq. 5.11: ``(B, N)`` logits -> ``(B,)`` expected scale, clamped."""
        return (logits.softmax(dim=-1) * self.bins).sum(-1).clamp(min=self.min_scale_clamp)

    def forward(self, x: Tensor) -> Tensor:
        return self.expectation(self.fc(x))


@MODELS.register_module()
class DirectScaleHead(nn.Module):
    """Direct regression ``S = max_scale * sigmoid(w x + b)`` (clamped like the other head)."""

    def __init__(self, in_channels: int = 128, max_scale: float = 10.0,
                 min_scale_clamp: float = 1e-3):
        super().__init__()
        self.fc = nn.Linear(in_channels, 1)
        self.max_scale = max_scale
        self.min_scale_clamp = min_scale_clamp

    def forward(self, x: Tensor) -> Tensor:
        return (self.max_scale * torch.sigmoid(self.fc(x))).squeeze(-1).clamp(
            min=self.min_scale_clamp)
