"""Vision Transformer (Dosovitskiy et al., ICLR 2021) with mmpretrain's interface and key names.

The image ``(B, C, H, W)`` is cut into ``Q = HW / P^2`` patches, linearly embedded to width D,
prefixed with a learned CLS token, given learned position embeddings, and passed through
``depth`` pre-norm :class:`TransformerEncoderLayer` blocks and a final LayerNorm (``ln1``).

``forward`` returns, by ``out_type``:

* ``'cls_token'``: ``(B, D)``, the normalised CLS token;
* ``'featmap'``: ``(B, D, H/P, W/P)``, the normalised patch tokens on their grid;
* ``'raw'``: ``(B, 1 + Q, D)``, all normalised tokens.

Parameter names follow ``mmpretrain.models.VisionTransformer`` (``patch_embed.projection``,
``cls_token``, ``pos_embed``, ``layers.i.*``, ``ln1``), so its ViT checkpoints load through
``init_cfg=dict(type='Pretrained', checkpoint=LOCAL_PATH, prefix='backbone.')``; position
embeddings of another grid size are resized bicubically on load.
"""
import math
from typing import Optional, Union

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.checkpoint as cp
from mmengine.model import BaseModule
from mmengine.model.weight_init import trunc_normal_

from thesiscv.registry import MODELS

from .transformer_layer import TransformerEncoderLayer

#: ``arch`` presets: width, depth, heads, MLP width (as in mmpretrain / DeiT).
ARCH_SETTINGS = {
    'tiny': dict(embed_dims=192, num_layers=12, num_heads=3, feedforward_channels=768),
    'small': dict(embed_dims=384, num_layers=12, num_heads=6, feedforward_channels=1536),
    'base': dict(embed_dims=768, num_layers=12, num_heads=12, feedforward_channels=3072),
    'large': dict(embed_dims=1024, num_layers=24, num_heads=16, feedforward_channels=4096),
}
ARCH_SETTINGS.update(t=ARCH_SETTINGS['tiny'], s=ARCH_SETTINGS['small'], b=ARCH_SETTINGS['base'],
                     l=ARCH_SETTINGS['large'])
OUT_TYPES = ('cls_token', 'featmap', 'raw')


def resize_pos_embed(pos_embed: torch.Tensor, src_grid: tuple, dst_grid: tuple) -> torch.Tensor:
    """Resize ``(1, 1 + h*w, D)`` position embeddings (CLS first) to another patch grid."""
    if tuple(src_grid) == tuple(dst_grid):
        return pos_embed
    cls_pos, grid = pos_embed[:, :1], pos_embed[:, 1:]
    d = grid.shape[-1]
    grid = grid.reshape(1, *src_grid, d).permute(0, 3, 1, 2)
    grid = F.interpolate(grid, size=dst_grid, mode='bicubic', align_corners=False)
    return torch.cat([cls_pos, grid.flatten(2).transpose(1, 2)], dim=1)


@MODELS.register_module()
class VisionTransformer(BaseModule):
    """ViT backbone.

    Args:
        arch: a name of :data:`ARCH_SETTINGS` or a dict with ``embed_dims``, ``num_layers``,
            ``num_heads``, ``feedforward_channels``.
        img_size: input side (square) used for the position-embedding grid.
        patch_size: patch side P.
        in_channels: input channels C.
        out_type: ``'cls_token'``, ``'featmap'`` or ``'raw'`` (see module docstring).
        drop_rate: dropout after the position embedding and inside the blocks.
        drop_path_rate: stochastic depth, increasing linearly over the blocks up to this value.
        with_cp: gradient checkpointing of every block (less memory, more compute).
        init_cfg: e.g. ``dict(type='Pretrained', checkpoint=PATH, prefix='backbone.')``.
    """

    def __init__(self, arch: Union[str, dict] = 'base', img_size: int = 224,
                 patch_size: int = 16, in_channels: int = 3, out_type: str = 'cls_token',
                 drop_rate: float = 0., drop_path_rate: float = 0., with_cp: bool = False,
                 init_cfg: Optional[dict] = None):
        super().__init__(init_cfg=init_cfg)
        if isinstance(arch, str):
            if arch.lower() not in ARCH_SETTINGS:
                raise KeyError(f'VisionTransformer arch {arch!r} is not one of '
                               f'{sorted(ARCH_SETTINGS)}; or pass a dict of the sizes')
            arch = ARCH_SETTINGS[arch.lower()]
        if out_type not in OUT_TYPES:
            raise ValueError(f'out_type must be one of {OUT_TYPES}, got {out_type!r}')
        if img_size % patch_size:
            raise ValueError(f'img_size {img_size} is not a multiple of patch_size {patch_size}')
        self.embed_dims = arch['embed_dims']
        self.out_type = out_type
        self.with_cp = with_cp
        self.patch_size = patch_size
        self.grid = (img_size // patch_size, img_size // patch_size)
        self.patch_embed = nn.Module()
        self.patch_embed.projection = nn.Conv2d(in_channels, self.embed_dims, patch_size,
                                                stride=patch_size)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, self.embed_dims))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + self.grid[0] * self.grid[1],
                                                  self.embed_dims))
        self.drop_after_pos = nn.Dropout(drop_rate)
        rates = torch.linspace(0, drop_path_rate, arch['num_layers']).tolist()
        self.layers = nn.ModuleList(
            TransformerEncoderLayer(self.embed_dims, arch['num_heads'],
                                    arch['feedforward_channels'], drop_rate=drop_rate,
                                    drop_path_rate=rate) for rate in rates)
        self.ln1 = nn.LayerNorm(self.embed_dims, eps=1e-6)
        self._register_load_state_dict_pre_hook(self._resize_pos_embed_on_load)

    def init_weights(self) -> None:
        super().init_weights()
        if not (isinstance(self.init_cfg, dict) and self.init_cfg.get('type') == 'Pretrained'):
            trunc_normal_(self.pos_embed, std=0.02)
            trunc_normal_(self.cls_token, std=0.02)

    def _resize_pos_embed_on_load(self, state_dict: dict, prefix: str, *args, **kwargs) -> None:
        key = prefix + 'pos_embed'
        if key in state_dict and state_dict[key].shape != self.pos_embed.shape:
            side = int(math.isqrt(state_dict[key].shape[1] - 1))
            state_dict[key] = resize_pos_embed(state_dict[key], (side, side), self.grid)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(B, C, H, W)`` -> see ``out_type``; H and W may differ from ``img_size``."""
        x = self.patch_embed.projection(x)
        grid = x.shape[-2:]
        x = x.flatten(2).transpose(1, 2)
        pos = resize_pos_embed(self.pos_embed, self.grid, tuple(grid))
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], dim=1) + pos
        x = self.drop_after_pos(x)
        for layer in self.layers:
            x = cp.checkpoint(layer, x, use_reentrant=False) if self.with_cp and x.requires_grad \
                else layer(x)
        x = self.ln1(x)
        if self.out_type == 'cls_token':
            return x[:, 0]
        if self.out_type == 'featmap':
            return x[:, 1:].transpose(1, 2).reshape(x.shape[0], -1, *grid)
        return x
