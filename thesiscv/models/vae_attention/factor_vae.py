"""FactorVAE and AD-FactorVAE (Kim & Mnih 2018; thesis Sec. 7.6, Eq. 7.9).

    L = L_FV + lambda * L_AD
    L_FV = mean_b[-log p(x_b|z_b) + KL(q(z|x_b) || N(0, I))] + gamma * mean_b[d0(z_b) - d1(z_b)]

where ``d0 - d1`` (the discriminator's logit difference) estimates the total correlation.
``train_step`` follows Kim & Mnih's Algorithm 1 with an :class:`~mmengine.optim.OptimWrapperDict`
(keys ``'vae'`` and ``'discriminator'``): the loader batch is split in two halves ``x1, x2``;
the VAE step uses ``x1`` (with the discriminator frozen); the discriminator step classifies
``z(x1)`` (detached) against the dimension-wise permutation of ``z(x2)``.
``ad_loss=None`` gives plain FactorVAE; an :class:`AttentionDisentangleLoss` gives AD-FactorVAE.
"""
from contextlib import contextmanager, nullcontext
from typing import Dict, Iterator, List, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from mmengine.model import BaseModel
from mmengine.optim import OptimWrapperDict

from thesiscv.models.layers import FeatureCapture
from thesiscv.registry import MODELS
from .base_vae import BaseVAE


def permute_dims(z: torch.Tensor) -> torch.Tensor:
    """Permute every latent dimension independently across the batch: ``(B, D) -> (B, D)``.

    Samples ``q_bar(z) = prod_j q(z_j)``: each column keeps its multiset of values.
    """
    idx = torch.argsort(torch.rand_like(z), dim=0)
    return torch.gather(z, 0, idx)


@contextmanager
def frozen(module: nn.Module) -> Iterator[None]:
    """Temporarily stop ``module``'s parameters from collecting gradients."""
    flags = [p.requires_grad for p in module.parameters()]
    module.requires_grad_(False)
    try:
        yield
    finally:
        for p, flag in zip(module.parameters(), flags):
            p.requires_grad_(flag)


@MODELS.register_module()
class FactorVAE(BaseModel):
    """FactorVAE (``ad_loss=None``) or AD-FactorVAE.

    Args:
        vae: the VAE config (a :class:`ConvVAE` with Bernoulli ``recon_loss='bce'``).
        discriminator: the :class:`FactorVAEDiscriminator` config.
        gamma: weight of the total-correlation term.
        ad_loss: an :class:`AttentionDisentangleLoss` config (its ``loss_weight`` is lambda).
        vis_attention: a :class:`VAEAttention` config; when set, ``predict`` adds the
            per-dimension attention maps of the ``num_vis_dims`` dims of highest KL
            (``attention`` ``(k, H, W)``, ``attention_dims``) for the visualizer (Figs. 7.12-13).
        num_vis_dims: how many dims ``predict`` explains.
    """

    def __init__(self, vae: dict, discriminator: dict, gamma: float = 40.0,
                 ad_loss: Optional[dict] = None, vis_attention: Optional[dict] = None,
                 num_vis_dims: int = 2, data_preprocessor: Optional[dict] = None,
                 init_cfg: Optional[dict] = None):
        super().__init__(data_preprocessor=data_preprocessor, init_cfg=init_cfg)
        self.vae: BaseVAE = MODELS.build(vae)
        self.discriminator = MODELS.build(discriminator)
        self.gamma = gamma
        self.ad_loss = None if ad_loss is None else MODELS.build(ad_loss)
        self.vis_attention = None if vis_attention is None else MODELS.build(vis_attention)
        self.num_vis_dims = num_vis_dims

    @property
    def latent_dim(self) -> int:
        return self.vae.latent_dim

    @staticmethod
    def split_batch(x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """Two independent halves ``x1, x2`` of one loader batch."""
        if len(x) < 2:
            raise ValueError('FactorVAE needs a batch of at least 2 images (it is split into '
                             'a VAE half and a discriminator half)')
        half = len(x) // 2
        return x[:half], x[half:2 * half]

    def vae_losses(self, x: torch.Tensor) -> Tuple[Dict[str, torch.Tensor], torch.Tensor]:
        """The VAE side of Eq. 7.9 on ``x``; returns the losses and the sampled code ``z``."""
        capture = (FeatureCapture(self.vae, self.ad_loss.target_layer)
                   if self.ad_loss is not None else nullcontext())
        with capture:
            mu, logvar = self.vae.encode(x)
        eps = torch.randn_like(mu)
        z = self.vae.reparameterize(mu, logvar, eps)
        logits = self.discriminator(z)
        tc = (logits[:, 0] - logits[:, 1]).mean()
        losses = dict(loss_recon=self.vae.recon_error(self.vae.decode_logits(z), x).mean(),
                      loss_kl=self.vae.kl_per_dim(mu, logvar).sum(1).mean(),
                      loss_tc=self.gamma * tc, tc=tc.detach())
        if self.ad_loss is not None:
            losses['loss_ad'] = self.ad_loss(capture.output, mu, logvar, eps, x.shape[-2:])
        return losses, z

    def discriminator_losses(self, z: torch.Tensor, x2: torch.Tensor) -> Dict[str, torch.Tensor]:
        """Cross-entropy of ``Dsc`` on ``z`` (class 0) and permuted codes of ``x2`` (class 1)."""
        with torch.no_grad():
            z_perm = permute_dims(self.vae.reparameterize(*self.vae.encode(x2)))
        logits = self.discriminator(torch.cat([z.detach(), z_perm]))
        target = torch.cat([torch.zeros(len(z), dtype=torch.long, device=z.device),
                            torch.ones(len(z_perm), dtype=torch.long, device=z.device)])
        loss = 0.5 * (F.cross_entropy(logits[:len(z)], target[:len(z)])
                      + F.cross_entropy(logits[len(z):], target[len(z):]))
        acc = (logits.argmax(1) == target).float().mean()
        return dict(loss_disc=loss, disc_acc=acc.detach())

    def train_step(self, data: dict, optim_wrapper: OptimWrapperDict) -> Dict[str, torch.Tensor]:
        data = self.data_preprocessor(data, True)
        x1, x2 = self.split_batch(data['inputs'])
        with optim_wrapper['vae'].optim_context(self.vae), frozen(self.discriminator):
            losses, z = self.vae_losses(x1)
        vae_loss, log_vars = self.parse_losses(losses)
        optim_wrapper['vae'].update_params(vae_loss)
        with optim_wrapper['discriminator'].optim_context(self.discriminator):
            d_losses = self.discriminator_losses(z, x2)
        d_loss, d_log = self.parse_losses(d_losses)
        optim_wrapper['discriminator'].update_params(d_loss)
        d_log.pop('loss')
        log_vars.update(d_log)
        return log_vars

    def forward(self, inputs: torch.Tensor, data_samples: Optional[List] = None,
                mode: str = 'tensor'):
        if mode == 'loss':
            x1, x2 = self.split_batch(inputs)
            losses, z = self.vae_losses(x1)
            losses.update(self.discriminator_losses(z, x2))
            return losses
        if mode == 'predict':
            return self.predict(inputs, data_samples)
        return self.vae(inputs, data_samples, mode)

    def predict(self, x: torch.Tensor, data_samples: Optional[List] = None) -> List:
        """The VAE's predictions, plus per-dim attention maps when ``vis_attention`` is set."""
        samples = self.vae.predict(x, data_samples)
        if self.vis_attention is None:
            return samples
        maps = self.vis_attention(self.vae, x, return_per_dim=True)
        kl = BaseVAE.kl_per_dim(maps['mu'], maps['logvar'])
        top = kl.topk(min(self.num_vis_dims, kl.shape[1]), dim=1).indices  # (B, k)
        per_dim = torch.gather(maps['per_dim'], 1,
                               top[..., None, None].expand(-1, -1, *x.shape[-2:]))
        for i, sample in enumerate(samples):
            sample.set_data(dict(attention=per_dim[i].detach(), attention_dims=top[i].tolist()))
        return samples

    def dummy_batch(self, batch_size: int) -> dict:
        """A batch as the dataloader yields it (binary sprites)."""
        batch = self.vae.dummy_batch(batch_size)
        batch['inputs'] = [x.round() for x in batch['inputs']]
        return batch
