"""ST-TR (Plizzari et al., CVIU 2021; "ST-RT" in the thesis, Tables 2.6-2.8) as a skeleton
backbone for mmaction2's ``RecognizerGCN`` + ``GCNHead`` (spec §5.1: not in mmaction2).

The two-stream ST-TR is reduced to its transformer core, written with the shared
:class:`~thesiscv.models.layers.TransformerEncoderLayer`: joints are embedded, given learned
joint and frame position embeddings, and each stage applies **spatial self-attention** over the
V joints of every frame, then **temporal self-attention** over the T frames of every joint
(optionally halving T by average pooling).

Input ``(N, M, T, V, C)`` (mmaction2's ``FormatGCNInput``); output ``(N, M, D, T', V)`` as
``STGCN`` returns it, for ``GCNHead(in_channels=D)``.
"""
from typing import Optional, Sequence

import torch
import torch.nn as nn
import torch.nn.functional as F
from mmengine.model import BaseModule
from mmengine.model.weight_init import trunc_normal_

from thesiscv.registry import MODELS

from ..layers import TransformerEncoderLayer


@MODELS.register_module()
class STTRBackbone(BaseModule):
    """Spatial-temporal transformer over skeleton sequences.

    Args:
        in_channels: C (3: x, y, score).
        num_joints: V (17 for COCO).
        embed_dims: D.
        num_stages: spatial + temporal layer pairs.
        num_heads: attention heads.
        max_frames: longest sequence T (size of the frame position embedding).
        temporal_strides: per stage, 2 halves T after the stage (average pooling).
        drop_rate: dropout inside the layers.
    """

    def __init__(self, in_channels: int = 3, num_joints: int = 17, embed_dims: int = 64,
                 num_stages: int = 4, num_heads: int = 4, max_frames: int = 100,
                 temporal_strides: Sequence[int] = (1, 2, 1, 2), drop_rate: float = 0.1,
                 init_cfg: Optional[dict] = None):
        super().__init__(init_cfg=init_cfg)
        if len(temporal_strides) != num_stages:
            raise ValueError(f'temporal_strides needs {num_stages} entries, got '
                             f'{len(temporal_strides)}')
        self.embed = nn.Linear(in_channels, embed_dims)
        self.joint_pos = nn.Parameter(torch.zeros(1, num_joints, embed_dims))
        self.frame_pos = nn.Parameter(torch.zeros(1, max_frames, embed_dims))
        self.spatial = nn.ModuleList(
            TransformerEncoderLayer(embed_dims, num_heads, 2 * embed_dims, drop_rate=drop_rate)
            for _ in range(num_stages))
        self.temporal = nn.ModuleList(
            TransformerEncoderLayer(embed_dims, num_heads, 2 * embed_dims, drop_rate=drop_rate)
            for _ in range(num_stages))
        self.strides, self.max_frames = tuple(temporal_strides), max_frames

    def init_weights(self) -> None:
        super().init_weights()
        trunc_normal_(self.joint_pos, std=0.02)
        trunc_normal_(self.frame_pos, std=0.02)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(N, M, T, V, C) -> (N, M, D, T', V)``."""
        n, m, t, v, _ = x.shape
        if t > self.max_frames:
            raise ValueError(f'{t} frames exceed STTRBackbone max_frames={self.max_frames}')
        x = self.embed(x.reshape(n * m, t, v, -1)) + self.joint_pos[:, None]
        x = x + self.frame_pos[:, :t, None]
        for spatial, temporal, stride in zip(self.spatial, self.temporal, self.strides):
            b, t, v, d = x.shape
            x = spatial(x.reshape(b * t, v, d)).reshape(b, t, v, d)
            x = temporal(x.transpose(1, 2).reshape(b * v, t, d)).reshape(b, v, t, d)
            if stride > 1:
                x = F.avg_pool1d(x.reshape(b * v, t, d).transpose(1, 2), stride,
                                 ceil_mode=True).transpose(1, 2).reshape(b, v, -1, d)
            x = x.transpose(1, 2)
        return x.permute(0, 3, 1, 2).reshape(n, m, x.shape[-1], x.shape[1], v)
