"""The normal difference distribution (NDD) of anomaly attention (thesis Sec. 7.4.1, Eq. 7.5).

With normal-data latent statistics ``mu^x, sigma^x`` (``(D,)``) and a test image's posterior
``N(mu^y, sigma^y^2)``, the difference of the two independent Gaussians is

    N^ndd = N(mu^x - mu^y, (sigma^x)^2 + (sigma^y)^2)                 (Eq. 7.5)

Anomaly attention backpropagates a code ``z = mu^ndd + sigma^ndd * eps`` drawn from it;
``mu^x, sigma^x`` and ``eps`` are constants and ``mu^y, sigma^y`` stay in the graph, so
``dz_i/dA = -dmu^y_i/dA + eps_i sigma^y_i / sigma^ndd_i * dsigma^y_i/dA``.

The statistics are buffers (saved in checkpoints), filled from the training images by
:meth:`update_stats` (called by :class:`~thesiscv.engine.hooks.NormalStatsHook` with the
summed :meth:`moments` of every batch):

* ``'train_aggregate'``: ``mu^x = mean mu(x)``, ``sigma^x = mean sigma(x)``;
* ``'moment_match'``: ``sigma^x = sqrt(mean sigma(x)^2 + var mu(x))``, the aggregate posterior;
* ``'prior'``: ``mu^x = 0``, ``sigma^x = 1`` (no data needed).
"""
from typing import Optional, Tuple

import torch
import torch.nn as nn

from thesiscv.registry import MODELS
from .options import check_choice

NORMAL_STATS = ('train_aggregate', 'moment_match', 'prior')
SIGNS = ('x_minus_y', 'y_minus_x')


@MODELS.register_module()
class NormalDifferenceDistribution(nn.Module):
    """Eq. 7.5 with buffers ``mu_x``, ``sigma_x`` (``(D,)``) and ``initialized``.

    Args:
        latent_dim: ``D``.
        normal_stats: ``'train_aggregate'`` (default), ``'moment_match'`` or ``'prior'``.
        sign: ``'x_minus_y'`` (literal Eq. 7.5) or ``'y_minus_x'`` for the mean's sign.
    """

    def __init__(self, latent_dim: int, normal_stats: str = 'train_aggregate',
                 sign: str = 'x_minus_y'):
        super().__init__()
        check_choice('normal_stats', normal_stats, NORMAL_STATS)
        check_choice('sign', sign, SIGNS)
        self.normal_stats = normal_stats
        self.sign = sign
        self.register_buffer('mu_x', torch.zeros(latent_dim))
        self.register_buffer('sigma_x', torch.ones(latent_dim))
        self.register_buffer('initialized', torch.tensor(normal_stats == 'prior'))

    @property
    def needs_stats(self) -> bool:
        """True while data-driven statistics have not been computed."""
        return not bool(self.initialized)

    @staticmethod
    @torch.no_grad()
    def moments(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
        """Sufficient statistics ``(5, D)`` of posteriors ``(N, D)``: count, sum mu, sum mu^2,
        sum sigma, sum sigma^2 (they add up over batches and distributed ranks)."""
        sigma = torch.exp(0.5 * logvar)
        return torch.stack([torch.ones_like(mu), mu, mu * mu, sigma, sigma * sigma]).sum(1)

    @torch.no_grad()
    def update_stats(self, moments: torch.Tensor) -> None:
        """Set ``mu_x``, ``sigma_x`` from the summed :meth:`moments` of the normal images."""
        if self.normal_stats == 'prior':
            return
        count, sum_mu, sum_mu2, sum_sigma, sum_sigma2 = moments.double()
        mean_mu = sum_mu / count
        self.mu_x.copy_(mean_mu)
        if self.normal_stats == 'train_aggregate':
            self.sigma_x.copy_(sum_sigma / count)
        else:
            var_mu = (sum_mu2 / count - mean_mu ** 2).clamp(min=0)
            self.sigma_x.copy_((sum_sigma2 / count + var_mu).sqrt())
        self.initialized.fill_(True)

    def params(self, mu_y: torch.Tensor, logvar_y: torch.Tensor
               ) -> Tuple[torch.Tensor, torch.Tensor]:
        """``(mu^ndd, sigma^ndd)``, each ``(B, D)``, differentiable in ``mu_y`` and ``logvar_y``."""
        if self.needs_stats:
            raise RuntimeError(
                'The normal difference distribution has no normal-data statistics yet: train '
                'with NormalStatsHook in custom_hooks, load a checkpoint that has them, or use '
                'normal_stats="prior".')
        loc = self.mu_x - mu_y if self.sign == 'x_minus_y' else mu_y - self.mu_x
        scale = (self.sigma_x.pow(2) + logvar_y.exp()).sqrt()
        return loc, scale

    def sample(self, mu_y: torch.Tensor, logvar_y: torch.Tensor,
               eps: Optional[torch.Tensor] = None) -> torch.Tensor:
        """``z = mu^ndd + sigma^ndd * eps`` (``eps ~ N(0, I)`` unless given)."""
        loc, scale = self.params(mu_y, logvar_y)
        return loc + scale * (torch.randn_like(loc) if eps is None else eps)
