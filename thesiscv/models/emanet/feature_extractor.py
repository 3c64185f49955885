"""S6: the self-attentive feature extractor shared by the energy image and the masks (thesis
§2.3.3 "ViT", spec §2.6).

A Vision Transformer (:class:`thesiscv.models.layers.VisionTransformer`) encodes an image
``(N, C, H, W)``; the feature is ``F = Linear(D, out_dim)(LN(cls_token))`` of shape
``(N, out_dim)``. With ``return_tokens=True`` the normalised patch tokens ``(N, D, H/P, W/P)``
come too (for the ``'sequence'`` aggregation). The same instance encodes the energy image
(``F_energy``) and every frame's player mask (``F_1..F_n``) when EMA-Net shares it.
"""
from typing import Optional, Tuple, Union

import torch
import torch.nn as nn
from mmengine.model import BaseModule

from thesiscv.registry import MODELS


@MODELS.register_module()
class SelfAttentiveFeatureExtractor(BaseModule):
    """ViT + linear output head.

    Args:
        arch: ViT size (``'tiny'``, ``'small'``, ``'base'`` or a dict of sizes).
        img_size: input side; patch_size: patch side P; in_channels: C.
        out_dim: feature width (768 by default, as the ViT-B width).
        drop_rate, drop_path_rate, with_cp: as in the ViT.
        init_cfg: e.g. ``dict(type='Pretrained', checkpoint=PATH, prefix='backbone.')`` for
            mmpretrain ViT weights, applied to the ViT only.
    """

    def __init__(self, arch: Union[str, dict] = 'base', img_size: int = 224, patch_size: int = 16,
                 in_channels: int = 3, out_dim: int = 768, drop_rate: float = 0.,
                 drop_path_rate: float = 0.1, with_cp: bool = False,
                 init_cfg: Optional[dict] = None):
        super().__init__()
        self.vit = MODELS.build(dict(
            type='VisionTransformer', arch=arch, img_size=img_size, patch_size=patch_size,
            in_channels=in_channels, out_type='raw', drop_rate=drop_rate,
            drop_path_rate=drop_path_rate, with_cp=with_cp, init_cfg=init_cfg))
        self.img_size, self.in_channels, self.out_dim = img_size, in_channels, out_dim
        self.embed_dims = self.vit.embed_dims
        self.head = nn.Linear(self.embed_dims, out_dim)

    def forward(self, x: torch.Tensor, return_tokens: bool = False
                ) -> Union[torch.Tensor, Tuple[torch.Tensor, torch.Tensor]]:
        """``(N, C, H, W) -> (N, out_dim)`` [and ``(N, D, H/P, W/P)`` patch tokens]."""
        tokens = self.vit(x)
        feat = self.head(tokens[:, 0])
        if not return_tokens:
            return feat
        h, w = x.shape[-2] // self.vit.patch_size, x.shape[-1] // self.vit.patch_size
        return feat, tokens[:, 1:].transpose(1, 2).reshape(x.shape[0], -1, h, w)
