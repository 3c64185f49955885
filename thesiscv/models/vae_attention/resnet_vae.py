"""The MVTec-AD one-class VAE with a ResNet-18 encoder (spec Sec. 2.6.3; thesis Sec. 7.5.3).

Encoder: the project's :class:`~thesiscv.models.layers.ResNetEncoder` (mmdet's ResNet, no
torchvision), whose ``layer4`` gives ``512 x H/32 x W/32`` (8 x 8 at 256 px); neck ``'flatten'``
(``FC 512*8*8 -> mu, logvar``) or ``'gap'`` (global average pool, then FC; Grad-CAM then
reduces to CAM because the gradient is spatially constant).

Decoder: ``FC D -> 512 x H/32 x W/32``, then 5 x [ConvT(k4, s2, p1) -> BN -> ReLU] through
``decoder_channels`` (512 -> 256 -> 128 -> 64 -> 32 -> 16, x32 in size), then ``Conv3x3 -> C``
logits (sigmoid image). Attention target layers: ``encoder.resnet.layer{2,3,4}``.
"""
from collections import OrderedDict
from typing import Optional, Sequence, Tuple, Union

import torch
import torch.nn as nn

from thesiscv.models.layers import ResNetEncoder
from thesiscv.registry import MODELS
from .base_vae import BaseVAE
from .options import check_choice

NECKS = ('flatten', 'gap')


@MODELS.register_module()
class ResNet18VAE(BaseVAE):
    """ResNet encoder + transposed-conv decoder VAE.

    Args:
        in_channels: image channels (grayscale MVTec categories are loaded as 3 channels).
        input_size: ``H`` or ``(H, W)``, divisible by 32.
        latent_dim: ``D`` (32 in the thesis).
        depth: ResNet depth of the encoder (18 in the thesis).
        neck: ``'flatten'`` or ``'gap'``.
        decoder_channels: 6 channel counts: the reshaped FC output and the 5 ConvT outputs.
        recon_loss, kl_weight: see :class:`BaseVAE` (the thesis uses MSE).
        encoder_init_cfg: e.g. ``dict(type='Pretrained', checkpoint='resnet18.pth')`` (local).
    """

    def __init__(self, in_channels: int = 3, input_size: Union[int, Tuple[int, int]] = 256,
                 latent_dim: int = 32, depth: int = 18, neck: str = 'flatten',
                 decoder_channels: Sequence[int] = (512, 256, 128, 64, 32, 16),
                 recon_loss: str = 'mse', kl_weight: float = 1.0,
                 encoder_init_cfg: Optional[dict] = None,
                 data_preprocessor: Optional[dict] = None, init_cfg: Optional[dict] = None):
        super().__init__(latent_dim, in_channels, input_size, recon_loss, kl_weight,
                         data_preprocessor, init_cfg)
        check_choice('neck', neck, NECKS)
        if any(s % 32 for s in self.input_size):
            raise ValueError(f'input_size {self.input_size} must be divisible by 32')
        if len(decoder_channels) != 6:
            raise ValueError('decoder_channels needs 6 entries (FC output + 5 ConvT outputs), '
                             f'got {tuple(decoder_channels)}')
        self.neck = neck
        self.encoder = ResNetEncoder(depth=depth, in_channels=in_channels,
                                     init_cfg=encoder_init_cfg)
        top = self.encoder.channels[-1]
        self.feat_size = (self.input_size[0] // 32, self.input_size[1] // 32)
        feat_dim = top if neck == 'gap' else top * self.feat_size[0] * self.feat_size[1]
        self.fc_mu = nn.Linear(feat_dim, latent_dim)
        self.fc_logvar = nn.Linear(feat_dim, latent_dim)

        c0 = decoder_channels[0]
        self.fc_dec = nn.Linear(latent_dim, c0 * self.feat_size[0] * self.feat_size[1])
        blocks = OrderedDict()
        for i, (c_in, c_out) in enumerate(zip(decoder_channels[:-1], decoder_channels[1:]),
                                          start=1):
            blocks[f'up{i}'] = nn.Sequential(
                nn.ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=False), nn.BatchNorm2d(c_out),
                nn.ReLU(inplace=True))
        blocks['out'] = nn.Conv2d(decoder_channels[-1], in_channels, 3, padding=1)
        self.decoder = nn.Sequential(blocks)

    def encode(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        feat = self.encoder(x)[-1]
        h = feat.mean(dim=(2, 3)) if self.neck == 'gap' else feat.flatten(1)
        return self.fc_mu(h), self.fc_logvar(h)

    def decode_logits(self, z: torch.Tensor) -> torch.Tensor:
        h = self.fc_dec(z).view(len(z), -1, *self.feat_size)
        return self.decoder(h)
