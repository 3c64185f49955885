"""Naive fusion of the Table 2.9 ablation rows 3-5 (spec §2.11).

"A series of fully-connected layers with normalisation, activations and dropout" [thesis]:
``concat(F_energy, F_motion) (B, D_e + D_t) -> Linear -> LayerNorm -> GELU -> Dropout``,
output ``(B, out_dims)``.
"""
from typing import Optional

import torch
import torch.nn as nn
from mmengine.model import BaseModule

from thesiscv.registry import MODELS


@MODELS.register_module()
class NaiveFusion(BaseModule):
    """Concatenate and mix the energy and motion features.

    Args:
        energy_dims, motion_dims: input widths; out_dims: output width.
        dropout: dropout rate after the activation.
    """

    def __init__(self, energy_dims: int = 768, motion_dims: int = 768, out_dims: int = 768,
                 dropout: float = 0.5, init_cfg: Optional[dict] = None):
        super().__init__(init_cfg=init_cfg)
        self.mix = nn.Sequential(nn.Linear(energy_dims + motion_dims, out_dims),
                                 nn.LayerNorm(out_dims), nn.GELU(), nn.Dropout(dropout))
        self.out_dims = out_dims
        self.needs_energy_tokens = self.needs_motion_tokens = False

    def forward(self, energy: torch.Tensor, motion: torch.Tensor) -> torch.Tensor:
        """``(B, D_e), (B, D_t) -> (B, out_dims)``."""
        return self.mix(torch.cat([energy, motion], dim=1))
