"""The FactorVAE total-correlation discriminator (Kim & Mnih 2018; thesis Sec. 7.6).

An MLP on latent codes: ``D -> hidden x num_layers`` with LeakyReLU(0.2), then 2 logits
(class 0: a code of ``q(z)``; class 1: a dimension-wise permuted code of ``q_bar(z)``).
Kim & Mnih use 6 layers of 1000 units; the common re-implementation has 5 hidden layers plus the
output layer (6 Linear layers), which is the default. Weights are drawn from ``N(0, 0.02)``,
biases 0, through mmengine's ``init_cfg``. ``(B, D) -> (B, 2)``.
"""
from typing import Optional

import torch
import torch.nn as nn
from mmengine.model import BaseModule

from thesiscv.registry import MODELS


@MODELS.register_module()
class FactorVAEDiscriminator(BaseModule):
    """Args: latent_dim ``D``; hidden width; num_layers hidden layers; leaky-ReLU slope."""

    def __init__(self, latent_dim: int = 10, hidden: int = 1000, num_layers: int = 5,
                 negative_slope: float = 0.2,
                 init_cfg: Optional[dict] = dict(type='Normal', layer='Linear', std=0.02,
                                                 bias=0.0)):
        super().__init__(init_cfg=init_cfg)
        layers = []
        width = latent_dim
        for _ in range(num_layers):
            layers += [nn.Linear(width, hidden), nn.LeakyReLU(negative_slope, inplace=True)]
            width = hidden
        layers.append(nn.Linear(width, 2))
        self.net = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(z)
