"""Self-attention with 2-D relative position logits (thesis Eqs. 5.9-5.10; Bello et al. 2019).

For a feature map ``F`` of ``(B, C, h, w)``: ``Q = W_q F``, ``K = W_k F``, ``V = W_v F`` (1x1
convs to ``dim`` channels, ``N = h w`` tokens); logits ``A_pq = Q_p . K_q + Q_p . r^W_{x_q - x_p}
+ Q_p . r^H_{y_q - y_p}`` with learned tables ``r^H`` ``(2h-1, dim)`` and ``r^W`` ``(2w-1, dim)``;
``G = softmax_q(A) V``; output ``S_F = W_s G + F``. ``W_s`` starts at zero, so the block is the
identity at initialization. Maps smaller than the configured ``feat_size`` use the central part
of the tables.
"""
from typing import Tuple

import torch
from torch import Tensor, nn

from thesiscv.registry import MODELS


@MODELS.register_module()
class RelPosSelfAttention2d(nn.Module):
    """Single-head self-attention block with relative position encoding and a residual.

    Args:
        in_channels: C.
        dim: query/key/value width.
        feat_size: the largest ``(h, w)`` the position tables cover (input size / 32).
        rel_pos: add the relative position logits.
        zero_init_out: zero-initialize ``W_s`` (identity block at start).
        scale_logits: divide logits by ``sqrt(dim)`` (Eq. 5.9 does not).
    """

    def __init__(self, in_channels: int = 512, dim: int = 128,
                 feat_size: Tuple[int, int] = (8, 10), rel_pos: bool = True,
                 zero_init_out: bool = True, scale_logits: bool = False):
        super().__init__()
        self.query = nn.Conv2d(in_channels, dim, 1)
        self.key = nn.Conv2d(in_channels, dim, 1)
        self.value = nn.Conv2d(in_channels, dim, 1)
        self.out = nn.Conv2d(dim, in_channels, 1)
        if zero_init_out:
            nn.init.zeros_(self.out.weight)
            nn.init.zeros_(self.out.bias)
        self.feat_size = tuple(feat_size)
        self.rel_pos = rel_pos
        if rel_pos:
            h, w = self.feat_size
            self.rel_h = nn.Parameter(torch.randn(2 * h - 1, dim) * dim**-0.5)
            self.rel_w = nn.Parameter(torch.randn(2 * w - 1, dim) * dim**-0.5)
        self.scale = dim**-0.5 if scale_logits else 1.0

    def relative_logits(self, q: Tensor) -> Tensor:
        """``(B, h, w, d)`` queries -> ``(B, h*w, h*w)`` relative position logits."""
        b, h, w, _ = q.shape
        max_h, max_w = self.feat_size
        if h > max_h or w > max_w:
            raise ValueError(f'RelPosSelfAttention2d got a {h}x{w} map but its position tables '
                             f'cover {max_h}x{max_w}: set feat_size to input size / 32')
        ar_h = torch.arange(h, device=q.device)
        ar_w = torch.arange(w, device=q.device)
        emb_h = self.rel_h[ar_h[None, :] - ar_h[:, None] + max_h - 1]  # (h_p, h_q, d)
        emb_w = self.rel_w[ar_w[None, :] - ar_w[:, None] + max_w - 1]  # (w_p, w_q, d)
        logits_h = torch.einsum('bxyd,xkd->bxyk', q, emb_h)  # (B, h_p, w_p, h_q)
        logits_w = torch.einsum('bxyd,ykd->bxyk', q, emb_w)  # (B, h_p, w_p, w_q)
        logits = logits_h[..., :, None] + logits_w[..., None, :]
        return logits.reshape(b, h * w, h * w)

    def forward(self, x: Tensor) -> Tensor:
        """``(B, C, h, w)`` -> ``(B, C, h, w)``."""
        b, _, h, w = x.shape
        q = self.query(x).flatten(2).transpose(1, 2)  # (B, N, d)
        k = self.key(x).flatten(2)  # (B, d, N)
        v = self.value(x).flatten(2).transpose(1, 2)  # (B, N, d)
        logits = q @ k
        if self.rel_pos:
            logits = logits + self.relative_logits(q.view(b, h, w, -1))
        attn = (logits * self.scale).softmax(dim=-1)
        g = (attn @ v).transpose(1, 2).reshape(b, -1, h, w)
        return x + self.out(g)
