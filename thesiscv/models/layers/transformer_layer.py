"""Pre-norm transformer encoder layer (ViT block), with mmpretrain's parameter names.

One layer computes (Dosovitskiy et al., ViT; thesis Eq. 2.3-2.4 for EMA-Net's motion module)::

    x' = x + DropPath(MHSA(LN1(x)))
    y  = x' + DropPath(MLP(LN2(x')))

Input and output ``(B, N, D)``. The attention is
``torch.nn.functional.scaled_dot_product_attention`` over one fused ``qkv`` projection; the MLP
is mmcv's :class:`~mmcv.cnn.bricks.transformer.FFN`.
Parameter names (``ln1``, ``attn.qkv``, ``attn.proj``, ``ln2``, ``ffn.layers.0.0``,
``ffn.layers.1``) are those of ``mmpretrain.models.backbones.vision_transformer``, so ViT
checkpoints in mmpretrain layout load without renaming (mmpretrain itself is not a dependency).
"""
from typing import Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
from mmcv.cnn.bricks.drop import build_dropout
from mmcv.cnn.bricks.transformer import FFN
from mmengine.model import BaseModule


class MultiheadSelfAttention(BaseModule):
    """Multi-head self-attention with a fused qkv projection.

    Args:
        embed_dims: token width D.
        num_heads: heads; ``D`` must be divisible by it.
        attn_drop: dropout on the attention weights (training only).
        proj_drop: dropout after the output projection.
        drop_path: stochastic-depth rate applied to the output (the residual branch).
        qkv_bias: bias of the qkv projection.
    """

    def __init__(self, embed_dims: int, num_heads: int, attn_drop: float = 0.,
                 proj_drop: float = 0., drop_path: float = 0., qkv_bias: bool = True,
                 init_cfg: Optional[dict] = None):
        super().__init__(init_cfg=init_cfg)
        if embed_dims % num_heads:
            raise ValueError(f'embed_dims ({embed_dims}) must be divisible by num_heads '
                             f'({num_heads})')
        self.num_heads = num_heads
        self.attn_drop = attn_drop
        self.qkv = nn.Linear(embed_dims, embed_dims * 3, bias=qkv_bias)
        self.proj = nn.Linear(embed_dims, embed_dims)
        self.proj_drop = nn.Dropout(proj_drop)
        self.out_drop = build_dropout(dict(type='DropPath', drop_prob=drop_path))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(B, N, D) -> (B, N, D)``."""
        b, n, d = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.num_heads, d // self.num_heads)
        q, k, v = qkv.permute(2, 0, 3, 1, 4)
        x = F.scaled_dot_product_attention(
            q, k, v, dropout_p=self.attn_drop if self.training else 0.)
        x = x.transpose(1, 2).reshape(b, n, d)
        return self.out_drop(self.proj_drop(self.proj(x)))


class TransformerEncoderLayer(BaseModule):
    """Pre-LN transformer encoder layer ``(B, N, D) -> (B, N, D)``.

    Args:
        embed_dims: token width D.
        num_heads: attention heads.
        feedforward_channels: hidden width of the MLP (``mlp_ratio * D``).
        drop_rate: dropout after the attention projection and inside the MLP.
        attn_drop_rate: dropout on the attention weights.
        drop_path_rate: stochastic depth of both residual branches.
        qkv_bias: bias of the qkv projection.
        act_cfg: MLP activation (GELU as in ViT).
    """

    def __init__(self, embed_dims: int, num_heads: int, feedforward_channels: int,
                 drop_rate: float = 0., attn_drop_rate: float = 0., drop_path_rate: float = 0.,
                 qkv_bias: bool = True, act_cfg: dict = dict(type='GELU'),
                 init_cfg: Optional[dict] = None):
        super().__init__(init_cfg=init_cfg)
        self.ln1 = nn.LayerNorm(embed_dims, eps=1e-6)
        self.attn = MultiheadSelfAttention(embed_dims, num_heads, attn_drop=attn_drop_rate,
                                           proj_drop=drop_rate, drop_path=drop_path_rate,
                                           qkv_bias=qkv_bias)
        self.ln2 = nn.LayerNorm(embed_dims, eps=1e-6)
        self.ffn = FFN(embed_dims=embed_dims, feedforward_channels=feedforward_channels,
                       num_fcs=2, ffn_drop=drop_rate,
                       dropout_layer=dict(type='DropPath', drop_prob=drop_path_rate),
                       act_cfg=act_cfg)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.ln1(x))
        return self.ffn(self.ln2(x), identity=x)
