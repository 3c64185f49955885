"""Recurrent motion modules of the Table 2.9 ablation (spec §2.11): LSTM or GRU over F_1..F_n.

One unidirectional layer with hidden size D_t; ``F_motion`` is the final hidden state after a
LayerNorm. Input ``(B, n, D_in)``, output ``(B, D_t)``.
"""
import torch
import torch.nn as nn
from mmengine.model import BaseModule

from thesiscv.registry import MODELS

CELLS = {'lstm': nn.LSTM, 'gru': nn.GRU}


@MODELS.register_module()
class RecurrentMotionModule(BaseModule):
    """LSTM / GRU motion module.

    Args:
        in_dims: per-frame feature width.
        hidden_dims: D_t.
        cell: ``'lstm'`` or ``'gru'``.
        num_layers: stacked recurrent layers (1 by default).
    """

    def __init__(self, in_dims: int = 768, hidden_dims: int = 768, cell: str = 'lstm',
                 num_layers: int = 1, init_cfg=None):
        super().__init__(init_cfg=init_cfg)
        if cell not in CELLS:
            raise ValueError(f'cell must be one of {sorted(CELLS)}, got {cell!r}')
        self.rnn = CELLS[cell](in_dims, hidden_dims, num_layers=num_layers, batch_first=True)
        self.norm = nn.LayerNorm(hidden_dims)
        self.pool, self.out_dims = 'cls', hidden_dims

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(B, n, D_in) -> (B, D_t)``."""
        _, state = self.rnn(x)
        hidden = state[0] if isinstance(state, tuple) else state
        return self.norm(hidden[-1])
