"""ResNet encoder of one image or of stacked frames (Monodepth2 depth and pose encoders).

Spec §2.3/§2.4/§3.5. Input ``(B, 3 n + e, H, W)``: ``n`` RGB images in [0, 1] (normalized here
as ``(x - 0.45) / 0.225``) followed by ``e`` extra channels left as they are (the coordinate
channels of CoordConv). Output: the 5 maps of :class:`thesiscv.models.layers.ResNetEncoder`
(strides 2, 4, 8, 16, 32; ``(64, 64, 128, 256, 512)`` channels for ResNet-18).

ImageNet weights come from a user-supplied local file in torchvision's key layout (loaded in
:meth:`init_weights`, so building the model never needs the file). For ``n > 1`` the 3-channel
first kernel is tiled ``n`` times and divided by ``n``; each extra channel gets the mean of the
RGB kernels divided by ``n`` (``coord_init='imagenet'``) or keeps the random (Kaiming) init
together with the rest of ``conv1`` (``coord_init='random'``, Table 5.10).
"""
from typing import List, Optional

import torch
from mmengine.model import BaseModule
from torch import Tensor

from thesiscv.models.layers import ResNetEncoder
from thesiscv.registry import MODELS
from thesiscv.utils import safe_load


@MODELS.register_module(name=['MonoResNetEncoder', 'DepthResNetEncoder', 'PoseResNetEncoder'])
class MonoResNetEncoder(BaseModule):
    """Multi-scale ResNet encoder for ``num_input_images`` stacked frames.

    Args:
        depth: ResNet depth (18 in the thesis).
        num_input_images: 1 for the depth encoder, 2 for the pose encoder.
        extra_in_channels: channels after the RGB ones (2 for coordinate channels).
        pretrained: local path of ImageNet weights in torchvision layout, or None.
        coord_init: ``'imagenet'`` or ``'random'`` initialization of conv1 for extra channels.
        norm_mean, norm_std: input normalization of the RGB channels.
        base_channels: ResNet width (64; ImageNet weights need 64).
    """

    def __init__(self, depth: int = 18, num_input_images: int = 1, extra_in_channels: int = 0,
                 pretrained: Optional[str] = None, coord_init: str = 'imagenet',
                 norm_mean: float = 0.45, norm_std: float = 0.225, base_channels: int = 64):
        super().__init__()
        if coord_init not in ('imagenet', 'random'):
            raise ValueError(f"coord_init must be 'imagenet' or 'random', got {coord_init!r}")
        self.num_rgb = 3 * num_input_images
        self.num_input_images = num_input_images
        self.pretrained = pretrained
        self.coord_init = coord_init
        self.norm_mean, self.norm_std = norm_mean, norm_std
        self.encoder = ResNetEncoder(depth=depth, in_channels=self.num_rgb + extra_in_channels,
                                     base_channels=base_channels)
        self.channels = self.encoder.channels

    def init_weights(self) -> None:
        super().init_weights()
        if self.pretrained is not None:
            self.load_imagenet(self.pretrained)

    def load_imagenet(self, path: str) -> None:
        """Load torchvision-layout ImageNet weights, adapting conv1 to the input channels."""
        try:
            state = safe_load(path)
        except FileNotFoundError as err:
            raise FileNotFoundError(
                f'pretrained={path!r}: ImageNet ResNet weights not found ({err}). Give a local '
                'torchvision-layout resnet18 state dict, or set pretrained=None.') from None
        state = dict(state.get('state_dict', state))
        state = {k: v for k, v in state.items() if not k.startswith('fc.')}
        conv1 = self.encoder.resnet.conv1.weight
        rgb = state['conv1.weight']
        if self.coord_init == 'random' and conv1.shape[1] > self.num_rgb:
            weight = conv1.detach().clone()
        else:
            weight = rgb.mean(dim=1, keepdim=True).repeat(1, conv1.shape[1], 1, 1)
            weight = weight / self.num_input_images
        n = self.num_input_images
        weight[:, :self.num_rgb] = rgb.repeat(1, n, 1, 1) / n
        state['conv1.weight'] = weight
        missing, unexpected = self.encoder.resnet.load_state_dict(state, strict=False)
        if missing or unexpected:
            raise KeyError(f'{path}: not a torchvision ResNet state dict (missing {missing[:5]}, '
                           f'unexpected {unexpected[:5]})')

    def forward(self, x: Tensor) -> List[Tensor]:
        rgb = (x[:, :self.num_rgb] - self.norm_mean) / self.norm_std
        return self.encoder(torch.cat([rgb, x[:, self.num_rgb:]], dim=1))
