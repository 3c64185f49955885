"""The convolutional VAEs of chapter 7 (spec Secs. 2.6.1, 2.6.2, 2.6.4): MNIST, UCSD Ped1, dSprites.

Encoder: ``N x [Conv(k, s, p) -> ReLU]`` -> flatten -> ``FC -> ReLU`` -> heads ``mu``, ``logvar``.
Decoder: mirror image, ``FC D -> fc_hidden -> ReLU -> FC -> ReLU`` -> reshape ->
``N x ConvT`` (ReLU between) whose kernel sizes are chosen so that every transposed conv restores
the exact size of the matching encoder stage (e.g. 12 -> 25 needs k=5 at s=2, p=1).

Named sub-modules keep ``target_layer`` strings stable: ``encoder.conv1`` .. ``encoder.convN``
are the conv outputs before their ReLU (the public MNIST code's hook point), ``encoder.act1`` ..
``encoder.actN`` the outputs after it.

==========  =================  =============  ===========  ================================
data        enc_channels       input          fc_hidden    stages
==========  =================  =============  ===========  ================================
MNIST       (64, 128)          1 x 28 x 28    1024         14, 7
UCSD Ped1   (64, 128, 256)     1 x 100 x 100  1024         50, 25, 12 (Table 7.1 conv1-3)
dSprites    (32, 32, 64, 64)   1 x 64 x 64    128          32, 16, 8, 4 (Kim & Mnih)
==========  =================  =============  ===========  ================================

beta-VAE is this model with ``kl_weight=beta``.
"""
from collections import OrderedDict
from typing import Optional, Sequence, Tuple, Union

import torch
import torch.nn as nn

from thesiscv.registry import MODELS
from .base_vae import BaseVAE


def conv_out_size(size: int, kernel: int, stride: int, padding: int) -> int:
    """Output length of a convolution along one axis."""
    return (size + 2 * padding - kernel) // stride + 1


def deconv_kernel(size_in: int, size_out: int, stride: int, padding: int) -> int:
    """Kernel of a transposed conv mapping ``size_in`` to exactly ``size_out``."""
    return size_out - (size_in - 1) * stride + 2 * padding


@MODELS.register_module()
class ConvVAE(BaseVAE):
    """Configurable conv VAE (see the module docstring for the three thesis instances).

    Args:
        in_channels: image channels.
        input_size: ``H`` (square) or ``(H, W)``.
        enc_channels: output channels of the encoder convs.
        kernel_size, stride, padding: of every encoder conv.
        fc_hidden: width of the hidden fully connected layer.
        latent_dim: ``D``.
        recon_loss, kl_weight: see :class:`BaseVAE`.
    """

    def __init__(self, in_channels: int = 1, input_size: Union[int, Tuple[int, int]] = 28,
                 enc_channels: Sequence[int] = (64, 128), kernel_size: int = 4, stride: int = 2,
                 padding: int = 1, fc_hidden: int = 1024, latent_dim: int = 32,
                 recon_loss: str = 'bce', kl_weight: float = 1.0,
                 data_preprocessor: Optional[dict] = None, init_cfg: Optional[dict] = None):
        super().__init__(latent_dim, in_channels, input_size, recon_loss, kl_weight,
                         data_preprocessor, init_cfg)
        sizes = [self.input_size]
        for _ in enc_channels:
            h, w = sizes[-1]
            sizes.append((conv_out_size(h, kernel_size, stride, padding),
                          conv_out_size(w, kernel_size, stride, padding)))
        if min(sizes[-1]) < 1:
            raise ValueError(f'input_size {self.input_size} is too small for '
                             f'{len(enc_channels)} stride-{stride} convs')
        flat = enc_channels[-1] * sizes[-1][0] * sizes[-1][1]

        layers = OrderedDict()
        channels = [in_channels, *enc_channels]
        for i, (c_in, c_out) in enumerate(zip(channels[:-1], channels[1:]), start=1):
            layers[f'conv{i}'] = nn.Conv2d(c_in, c_out, kernel_size, stride, padding)
            layers[f'act{i}'] = nn.ReLU()
        layers['flatten'] = nn.Flatten()
        layers['fc'] = nn.Linear(flat, fc_hidden)
        layers['fc_act'] = nn.ReLU()
        self.encoder = nn.Sequential(layers)
        self.fc_mu = nn.Linear(fc_hidden, latent_dim)
        self.fc_logvar = nn.Linear(fc_hidden, latent_dim)

        dec = OrderedDict(fc1=nn.Linear(latent_dim, fc_hidden), act_fc1=nn.ReLU(),
                          fc2=nn.Linear(fc_hidden, flat), act_fc2=nn.ReLU(),
                          unflatten=nn.Unflatten(1, (enc_channels[-1], *sizes[-1])))
        rev = channels[::-1]
        for i, (c_in, c_out) in enumerate(zip(rev[:-1], rev[1:]), start=1):
            (h_in, w_in), (h_out, w_out) = sizes[-i], sizes[-i - 1]
            kernel = (deconv_kernel(h_in, h_out, stride, padding),
                      deconv_kernel(w_in, w_out, stride, padding))
            dec[f'deconv{i}'] = nn.ConvTranspose2d(c_in, c_out, kernel, stride, padding)
            if i < len(rev) - 1:
                dec[f'act{i}'] = nn.ReLU()
        self.decoder = nn.Sequential(dec)

    def encode(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        h = self.encoder(x)
        return self.fc_mu(h), self.fc_logvar(h)

    def decode_logits(self, z: torch.Tensor) -> torch.Tensor:
        return self.decoder(z)
