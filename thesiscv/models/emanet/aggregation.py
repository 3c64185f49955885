"""S8: energy-motion feature aggregation (thesis Eq. 2.6-2.7, spec §2.8, ambiguity 12).

::

    F_em = F_motion + softmax(delta(F_energy) omega(F_energy)^T) theta(F_motion)      (2.6)
    delta = W_query, omega = W_key (on the energy feature), theta = W_value (on motion)  (2.7)

Query **and** key come from the energy feature, value and residual from the motion feature.
The thesis's shapes (N = number of videos) make the attention run across the videos of a
batch; ``token_mode`` chooses the token semantics:

* ``'split'`` (default, per sample): the global vectors are cut into S tokens,
  ``F_energy (B, D_e) -> (B, S, D_e/S)``, ``F_motion (B, D_t) -> (B, S, D_t/S)``; attention
  ``(B, S, S)``; output flattened to ``(B, D_t)``. Predictions never depend on the batch.
* ``'batch'`` (the literal reading): ``Q, K (B, D_t)`` from ``F_energy``, ``V (B, D_t)`` from
  ``F_motion``, attention ``(B, B)`` across the batch; output ``(B, D_t)``. At batch size 1 the
  energy branch has no effect (a warning says so).
* ``'sequence'``: ``F_energy`` are the energy image's patch tokens ``(B, D_e, h, w)`` pooled to
  n tokens, ``F_motion`` the motion module's n frame tokens ``(B, n, D_t)``; attention
  ``(B, n, n)``; output flattened to ``(B, n * D_t)``.

``scale=True`` divides the logits by ``sqrt(d_k)`` (the thesis has no scaling: ``False``).
"""
import math
import warnings
from typing import Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
from mmengine.model import BaseModule

from thesiscv.registry import MODELS

TOKEN_MODES = ('split', 'batch', 'sequence')


def pool_grid(n: int) -> tuple:
    """The most square ``(h, w)`` grid with ``h * w = n``."""
    h = max(d for d in range(1, math.isqrt(n) + 1) if n % d == 0)
    return h, n // h


@MODELS.register_module()
class EnergyMotionAggregation(BaseModule):
    """Attention fusion of the energy and motion features.

    Args:
        energy_dims: D_e (the ViT width D for ``'sequence'``).
        motion_dims: D_t.
        token_mode: ``'split'``, ``'batch'`` or ``'sequence'``.
        num_tokens: S for ``'split'`` (D_e and D_t must be divisible; S = 1 is degenerate);
            n (frames) for ``'sequence'``.
        scale: divide the attention logits by sqrt(d_k).
        bias: biases of the three projections (``False``: the thesis's bare matrices).
    """

    def __init__(self, energy_dims: int = 768, motion_dims: int = 768, token_mode: str = 'split',
                 num_tokens: int = 8, scale: bool = True, bias: bool = True,
                 init_cfg: Optional[dict] = None):
        super().__init__(init_cfg=init_cfg)
        if token_mode not in TOKEN_MODES:
            raise ValueError(f'token_mode must be one of {TOKEN_MODES}, got {token_mode!r}')
        if token_mode == 'split':
            if num_tokens < 2:
                raise ValueError('token_mode="split" needs num_tokens >= 2: with one token the '
                                 'softmax is 1 and the energy feature has no effect')
            if energy_dims % num_tokens or motion_dims % num_tokens:
                raise ValueError(f'energy_dims ({energy_dims}) and motion_dims ({motion_dims}) '
                                 f'must be divisible by num_tokens ({num_tokens})')
            e_in, m_in = energy_dims // num_tokens, motion_dims // num_tokens
        else:
            e_in, m_in = energy_dims, motion_dims
        self.token_mode, self.num_tokens, self.scale = token_mode, num_tokens, scale
        self.query = nn.Linear(e_in, m_in, bias=bias)
        self.key = nn.Linear(e_in, m_in, bias=bias)
        self.value = nn.Linear(m_in, m_in, bias=bias)
        self.out_dims = motion_dims * (num_tokens if token_mode == 'sequence' else 1)
        self.needs_energy_tokens = token_mode == 'sequence'
        self.needs_motion_tokens = token_mode == 'sequence'

    def _attend(self, e: torch.Tensor, m: torch.Tensor) -> torch.Tensor:
        """``m + softmax(q k^T [/sqrt(d)]) v`` for tokens ``e (.., N, d_e)``, ``m (.., N, d_t)``."""
        q, k, v = self.query(e), self.key(e), self.value(m)
        logits = q @ k.transpose(-1, -2)
        if self.scale:
            logits = logits / math.sqrt(q.shape[-1])
        return m + logits.softmax(-1) @ v

    def forward(self, energy: torch.Tensor, motion: torch.Tensor) -> torch.Tensor:
        """See the module docstring for the shapes per ``token_mode``."""
        b = motion.shape[0]
        if self.token_mode == 'split':
            s = self.num_tokens
            return self._attend(energy.reshape(b, s, -1), motion.reshape(b, s, -1)).flatten(1)
        if self.token_mode == 'batch':
            if b == 1:
                warnings.warn('EnergyMotionAggregation(token_mode="batch") at batch size 1: the '
                              'attention over the batch is 1, so F_em = F_motion + '
                              'theta(F_motion) and the energy feature has no effect')
            return self._attend(energy, motion)
        n = motion.shape[1]
        grid = F.adaptive_avg_pool2d(energy, pool_grid(n)).flatten(2).transpose(1, 2)
        return self._attend(grid, motion).flatten(1)
