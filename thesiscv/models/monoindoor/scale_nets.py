"""Transformer-based scale regression networks (thesis §5.3.2, Eqs. 5.9-5.11, Table 5.9).

All designs end the same way: self-attention with relative positions (optional) -> a trunk
(residual blocks or Conv-BN-ReLU layers) -> global average pooling -> ``FC -> ReLU -> Dropout``
twice -> a scale head (``ProbabilisticScaleHead`` or ``DirectScaleHead``) -> ``S`` of shape
``(B,)``. They differ in what they read:

* ``ScaleTransformer`` (design III, "ScaleRegressor", the thesis's choice): the depth encoder's
  deepest map ``f4`` ``(B, 512, H/32, W/32)``, shared with the depth decoder.
* ``ScaleNet`` (design II): its own ResNet-18 on the image, then two residual blocks.
* ``ScaleCNN`` (design I): its own ResNet-18, then three 3x3 Conv-BN-ReLU layers.

The residual blocks are mmdet's ``BasicBlock`` (torchvision layout).
"""
from typing import Optional, Sequence, Tuple

from mmcv.cnn import ConvModule
from mmdet.models.backbones.resnet import BasicBlock
from mmengine.model import BaseModule
from torch import Tensor, nn

from thesiscv.registry import MODELS
from .frame_encoder import MonoResNetEncoder
from .rel_pos_attention import RelPosSelfAttention2d


def residual_trunk(in_channels: int, channels: int, num_blocks: int) -> nn.Sequential:
    """``BasicBlock(in -> channels, stride 2, 1x1 downsample)`` then ``num_blocks - 1`` more."""
    downsample = nn.Sequential(nn.Conv2d(in_channels, channels, 1, stride=2, bias=False),
                               nn.BatchNorm2d(channels))
    blocks = [BasicBlock(in_channels, channels, stride=2, downsample=downsample)]
    blocks += [BasicBlock(channels, channels) for _ in range(num_blocks - 1)]
    return nn.Sequential(*blocks)


def conv_trunk(in_channels: int, channels: Sequence[int]) -> nn.Sequential:
    """3x3 Conv-BN-ReLU layers, stride 2 except the last (design I)."""
    widths = [in_channels, *channels]
    return nn.Sequential(*[
        ConvModule(widths[i], widths[i + 1], 3, stride=2 if i < len(channels) - 1 else 1,
                   padding=1, norm_cfg=dict(type='BN')) for i in range(len(channels))])


@MODELS.register_module(name=['ScaleTransformer', 'ScaleRegressor'])
class ScaleTransformer(BaseModule):
    """Design III: global scale from the shared depth-encoder features.

    Args:
        in_channels: channels of the input map (512 for ResNet-18's f4).
        feat_size: ``(H/32, W/32)`` at the training resolution (relative position tables).
        attn: use the self-attention block (Table 5.9 "Attention").
        attn_dim: query/key/value width.
        rel_pos: relative position logits in the attention.
        num_res_blocks: residual blocks after the attention (2; 3 in one reading of §5.3.2).
        res_channels: their width.
        fc_dims: widths of the two hidden FC layers.
        dropout: dropout after each hidden FC layer (0.5).
        head: the scale head config (its ``in_channels`` is set to ``fc_dims[-1]``).
    """
    takes_image = False

    def __init__(self, in_channels: int = 512, feat_size: Tuple[int, int] = (8, 10),
                 attn: bool = True, attn_dim: int = 128, rel_pos: bool = True,
                 num_res_blocks: int = 2, res_channels: int = 256,
                 fc_dims: Sequence[int] = (256, 128), dropout: float = 0.5,
                 head: dict = dict(type='ProbabilisticScaleHead', max_scale=10.0),
                 init_cfg: Optional[dict] = None):
        super().__init__(init_cfg)
        self.attn = (RelPosSelfAttention2d(in_channels, attn_dim, feat_size, rel_pos)
                     if attn else nn.Identity())
        self.trunk = self.build_trunk(in_channels, res_channels, num_res_blocks)
        widths = [self.trunk_channels, *fc_dims]
        layers = []
        for i in range(len(fc_dims)):
            layers += [nn.Linear(widths[i], widths[i + 1]), nn.ReLU(inplace=True),
                       nn.Dropout(dropout)]
        self.fcs = nn.Sequential(*layers)
        self.head = MODELS.build(dict(head, in_channels=widths[-1]))

    def build_trunk(self, in_channels: int, channels: int, num_blocks: int) -> nn.Module:
        self.trunk_channels = channels
        return residual_trunk(in_channels, channels, num_blocks)

    def forward(self, features: Tensor, image: Optional[Tensor] = None) -> Tensor:
        """``(B, C, h, w)`` features (and the ``(B, 3, H, W)`` image, unused) -> ``(B,)``."""
        x = self.trunk(self.attn(features)).mean(dim=(2, 3))
        return self.head(self.fcs(x))


@MODELS.register_module()
class ScaleNet(ScaleTransformer):
    """Design II: the same network on the features of its own ResNet-18 over the image.

    Args:
        pretrained: local ImageNet weights for the ResNet-18 (or None).
        **kwargs: as :class:`ScaleTransformer`.
    """
    takes_image = True

    def __init__(self, pretrained: Optional[str] = None, **kwargs):
        super().__init__(**kwargs)
        self.backbone = MonoResNetEncoder(18, pretrained=pretrained)

    def forward(self, features: Tensor, image: Optional[Tensor] = None) -> Tensor:
        """Ignores the shared ``features``; reads the ``(B, 3, H, W)`` image in [0, 1]."""
        if image is None:
            raise ValueError(f'{type(self).__name__} regresses the scale from the image')
        return super().forward(self.backbone(image)[-1])


@MODELS.register_module()
class ScaleCNN(ScaleNet):
    """Design I: own ResNet-18, then 3x3 Conv-BN-ReLU layers (512 -> 256 -> 128 -> 64).

    Args:
        conv_channels: widths of the Conv-BN-ReLU layers (replace the residual blocks).
        **kwargs: as :class:`ScaleNet` (``num_res_blocks``/``res_channels`` are unused).
    """

    def __init__(self, conv_channels: Sequence[int] = (256, 128, 64), **kwargs):
        self.conv_channels = tuple(conv_channels)
        super().__init__(**kwargs)

    def build_trunk(self, in_channels: int, channels: int, num_blocks: int) -> nn.Module:
        self.trunk_channels = self.conv_channels[-1]
        return conv_trunk(in_channels, self.conv_channels)
