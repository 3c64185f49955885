"""What every VAE of chapter 7 shares: Gaussian encoder, Bernoulli/Gaussian decoder, Eq. 7.1.

``L = L_r(x, x_hat) + kl_weight * KL(q(z|x) || N(0, I))`` (Eq. 7.1; ``kl_weight = beta`` gives
beta-VAE), with ``z = mu + exp(logvar / 2) * eps`` and

* ``recon_loss='bce'``: Bernoulli negative log-likelihood of ``x`` in ``[0, 1]`` under the decoder's
  logits (the authors' MNIST code and Kim & Mnih's dSprites convention);
* ``recon_loss='mse'``: squared error of ``sigmoid(logits)`` (the thesis's "generally MSE").

Both are summed over pixels and averaged over the batch. Subclasses build ``encode`` and
``decode_logits``; shapes: ``x (B, C, H, W)`` in ``[0, 1]``, ``mu, logvar, z (B, D)``.
"""
from typing import Dict, List, Optional, Tuple, Union

import torch
import torch.nn.functional as F
from mmengine.model import BaseModel
from mmengine.structures import BaseDataElement

from .options import check_choice

RECON_LOSSES = ('bce', 'mse')


class BaseVAE(BaseModel):
    """A VAE as an mmengine model: ``forward(inputs, data_samples, mode)``.

    Modes: ``'loss'`` -> ``dict(loss_recon, loss_kl)``; ``'predict'`` -> the data samples with
    ``mu``, ``logvar`` (D,), ``recon`` (C, H, W) from ``z = mu`` and ``recon_error`` (the
    reconstruction term of ``x`` given ``z ~ q(z|x)``); ``'tensor'`` -> ``(recon, mu, logvar)``.

    Args:
        latent_dim: ``D``.
        in_channels, input_size: image shape (``input_size`` is an int or ``(H, W)``).
        recon_loss: ``'bce'`` or ``'mse'`` (see the module docstring).
        kl_weight: weight of the KL term (beta of beta-VAE; 1 for a vanilla VAE).
    """

    def __init__(self, latent_dim: int, in_channels: int, input_size: Union[int, Tuple[int, int]],
                 recon_loss: str = 'bce', kl_weight: float = 1.0,
                 data_preprocessor: Optional[dict] = None, init_cfg: Optional[dict] = None):
        super().__init__(data_preprocessor=data_preprocessor, init_cfg=init_cfg)
        check_choice('recon_loss', recon_loss, RECON_LOSSES)
        self.latent_dim = latent_dim
        self.in_channels = in_channels
        self.input_size = (input_size, input_size) if isinstance(input_size, int) else tuple(
            input_size)
        self.recon_loss = recon_loss
        self.kl_weight = kl_weight

    # -- to be provided by subclasses -------------------------------------------------------
    def encode(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """``x (B, C, H, W)`` -> ``(mu, logvar)``, each ``(B, D)``."""
        raise NotImplementedError

    def decode_logits(self, z: torch.Tensor) -> torch.Tensor:
        """``z (B, D)`` -> decoder logits ``(B, C, H, W)``; the image is their sigmoid."""
        raise NotImplementedError

    # -- shared machinery ---------------------------------------------------------------------
    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """``z (B, D)`` -> reconstruction in ``[0, 1]``, ``(B, C, H, W)``."""
        return torch.sigmoid(self.decode_logits(z))

    @staticmethod
    def reparameterize(mu: torch.Tensor, logvar: torch.Tensor,
                       eps: Optional[torch.Tensor] = None) -> torch.Tensor:
        """``z = mu + exp(logvar / 2) * eps`` with ``eps ~ N(0, I)`` unless given."""
        if eps is None:
            eps = torch.randn_like(mu)
        return mu + torch.exp(0.5 * logvar) * eps

    @staticmethod
    def kl_per_dim(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
        """``KL(N(mu, exp(logvar)) || N(0, 1))`` per dimension, ``(B, D)``."""
        return -0.5 * (1 + logvar - mu.pow(2) - logvar.exp())

    def recon_error(self, logits: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        """Reconstruction term per image, ``(B,)``, summed over pixels."""
        if self.recon_loss == 'bce':
            err = F.binary_cross_entropy_with_logits(logits, x, reduction='none')
        else:
            err = (torch.sigmoid(logits) - x).pow(2)
        return err.flatten(1).sum(1)

    def loss(self, x: torch.Tensor) -> Dict[str, torch.Tensor]:
        """Eq. 7.1, averaged over the batch."""
        mu, logvar = self.encode(x)
        z = self.reparameterize(mu, logvar)
        recon = self.recon_error(self.decode_logits(z), x).mean()
        kl = self.kl_per_dim(mu, logvar).sum(1).mean()
        return dict(loss_recon=recon, loss_kl=self.kl_weight * kl)

    def forward(self, inputs: torch.Tensor, data_samples: Optional[List] = None,
                mode: str = 'tensor'):
        if mode == 'loss':
            return self.loss(inputs)
        if mode == 'predict':
            return self.predict(inputs, data_samples)
        if mode == 'tensor':
            mu, logvar = self.encode(inputs)
            return self.decode(mu), mu, logvar
        raise ValueError(f'mode must be "loss", "predict" or "tensor", got {mode!r}')

    def predict(self, x: torch.Tensor, data_samples: Optional[List] = None) -> List:
        """Posterior statistics, mean reconstruction and reconstruction error per sample."""
        mu, logvar = self.encode(x)
        logits = self.decode_logits(self.reparameterize(mu, logvar))
        error = self.recon_error(logits, x)
        recon = self.decode(mu)
        samples = data_samples or [BaseDataElement() for _ in range(len(x))]
        for i, sample in enumerate(samples):
            sample.set_data(dict(mu=mu[i].detach(), logvar=logvar[i].detach(),
                                 recon=recon[i].detach(), recon_error=float(error[i])))
        return samples

    def dummy_batch(self, batch_size: int) -> dict:
        """A batch as the dataloader yields it (for tools/analysis/benchmark.py)."""
        shape = (self.in_channels, *self.input_size)
        return dict(inputs=[torch.rand(shape) for _ in range(batch_size)],
                    data_samples=[BaseDataElement() for _ in range(batch_size)])
