"""S7: the self-attentive motion modelling module (thesis Eq. 2.2-2.5, spec §2.7).

::

    f_0 = [CLS; F_1; ...; F_n] + E_pos                        (2.2)
    f'_l = MHSA(LN(f_{l-1})) + f_{l-1}          l = 1..L       (2.3)
    f_l  = MLP(LN(f'_l)) + f'_l                 l = 1..L       (2.4)  (index typo fixed, A#11)
    F_motion = LN(f_L)                                         (2.5)

with L = 6 pre-norm layers (:class:`thesiscv.models.layers.TransformerEncoderLayer`), a
learned CLS token and learned position embeddings. Input ``(B, n, D_in)`` per-frame features;
output ``(B, D)`` (``pool='cls'`` or ``'mean'``) or ``(B, n, D)`` (``pool='none'``).
"""
import torch
import torch.nn as nn
from mmengine.model import BaseModule
from mmengine.model.weight_init import trunc_normal_

from thesiscv.registry import MODELS

from ..layers import TransformerEncoderLayer

POOLS = ('cls', 'mean', 'none')


@MODELS.register_module()
class SelfAttentiveMotionModule(BaseModule):
    """Transformer encoder over the sequence of per-frame features.

    Args:
        in_dims: width of the per-frame features (projected to ``embed_dims`` if different).
        embed_dims: token width D_t.
        num_layers: L (6 in the thesis).
        num_heads: attention heads.
        mlp_ratio: MLP width / D_t.
        drop_rate: dropout (embeddings, attention output, MLP).
        max_frames: longest sequence (size of the position embedding).
        pool: ``'cls'``, ``'mean'`` or ``'none'``.
    """

    def __init__(self, in_dims: int = 768, embed_dims: int = 768, num_layers: int = 6,
                 num_heads: int = 8, mlp_ratio: float = 4., drop_rate: float = 0.1,
                 max_frames: int = 16, pool: str = 'cls', init_cfg=None):
        super().__init__(init_cfg=init_cfg)
        if pool not in POOLS:
            raise ValueError(f'pool must be one of {POOLS}, got {pool!r}')
        self.pool, self.max_frames, self.out_dims = pool, max_frames, embed_dims
        self.proj = nn.Identity() if in_dims == embed_dims else nn.Linear(in_dims, embed_dims)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dims))
        self.pos_embed = nn.Parameter(torch.zeros(1, max_frames + 1, embed_dims))
        self.drop = nn.Dropout(drop_rate)
        self.layers = nn.ModuleList(
            TransformerEncoderLayer(embed_dims, num_heads, int(embed_dims * mlp_ratio),
                                    drop_rate=drop_rate) for _ in range(num_layers))
        self.norm = nn.LayerNorm(embed_dims, eps=1e-6)

    def init_weights(self) -> None:
        super().init_weights()
        trunc_normal_(self.pos_embed, std=0.02)
        trunc_normal_(self.cls_token, std=0.02)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(B, n, D_in)`` -> ``(B, D_t)`` or ``(B, n, D_t)``."""
        b, n, _ = x.shape
        if n > self.max_frames:
            raise ValueError(f'{n} frames exceed the motion module\'s max_frames='
                             f'{self.max_frames}')
        x = torch.cat([self.cls_token.expand(b, -1, -1), self.proj(x)], dim=1)
        x = self.drop(x + self.pos_embed[:, :n + 1])
        for layer in self.layers:
            x = layer(x)
        x = self.norm(x)
        if self.pool == 'cls':
            return x[:, 0]
        return x[:, 1:].mean(1) if self.pool == 'mean' else x[:, 1:]
