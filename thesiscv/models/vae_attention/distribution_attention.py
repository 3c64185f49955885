"""Distribution attention (DA, thesis Sec. 7.3.3, Eq. 7.4) and its sigma-weighted refinement.

From ``N`` codes ``z^j`` of one posterior (or of the NDD for anomalies) compute ``N`` SA maps,
upsampled to ``H x W`` first, and fit a Gaussian at every pixel:

    mu^M_(u,v) = mean_j M^j_(u,v),    sigma^M_(u,v) = std_j M^j_(u,v)       (Eq. 7.4)

(maximum-likelihood std, ``ddof=0``, by default). The anomaly score map of Tables 7.4/7.5 is

    mu~^M = mu^M * sigmoid(a * (sigma^M - b))                                (Sec. 7.4.2)

with ``sigma^M`` min-max normalised per image by default.
"""
from typing import Dict, Optional, Union

import torch
import torch.nn as nn

from thesiscv.registry import MODELS
from .attention import VAEAttention, normalize_maps
from .options import check_choice

SIGMA_NORMS = ('minmax', 'none')


def refine_attention(mu_map: torch.Tensor, sigma_map: torch.Tensor, a: float = 10.0,
                     b: float = 0.5, sigma_norm: str = 'minmax') -> torch.Tensor:
    """``mu * sigmoid(a * (sigma - b))`` elementwise; ``(..., H, W)`` in and out.

    Args:
        mu_map, sigma_map: DA mean and std maps.
        a, b: the thesis's alpha and beta (a negative ``a`` down-weights uncertain pixels).
        sigma_norm: ``'minmax'`` (per map, to [0, 1]) or ``'none'``.
    """
    check_choice('sigma_norm', sigma_norm, SIGMA_NORMS)
    if sigma_norm == 'minmax':
        sigma_map = normalize_maps(sigma_map, 'minmax')
    return mu_map * torch.sigmoid(a * (sigma_map - b))


@MODELS.register_module()
class DistributionAttention:
    """The DA explainer: ``N`` SA maps of sampled codes -> pixel-wise mean and std.

    Args:
        attention: the SA explainer (a :class:`VAEAttention` or its config).
        num_samples: ``N`` (``J`` for anomaly DA); 32 by default.
        std_ddof: 0 (maximum likelihood, default) or 1 (unbiased).
        refine: ``dict(a=10, b=0.5, sigma_norm='minmax')`` for the refined map, or None.

    Call ``da(vae, x, eps=None, ndd=None)`` (``eps`` ``(N, B, D)``; default fresh draws) ->
    ``dict(mu (B, H, W), sigma (B, H, W), refined (B, H, W) when refine is set,
    samples (N, B, H, W))``.
    """

    def __init__(self, attention: Union[dict, VAEAttention], num_samples: int = 32,
                 std_ddof: int = 0, refine: Optional[dict] = dict(a=10.0, b=0.5,
                                                                 sigma_norm='minmax')):
        self.attention = MODELS.build(attention) if isinstance(attention, dict) else attention
        if num_samples < 1:
            raise ValueError(f'num_samples must be >= 1, got {num_samples}')
        self.num_samples = num_samples
        self.std_ddof = std_ddof
        self.refine = None if refine is None else dict(refine)

    def __call__(self, vae: nn.Module, x: torch.Tensor, eps: Optional[torch.Tensor] = None,
                 ndd: Optional[nn.Module] = None) -> Dict[str, torch.Tensor]:
        if eps is None:
            eps = torch.randn(self.num_samples, len(x), vae.latent_dim, device=x.device)
        out = self.attention(vae, x, eps=eps, ndd=ndd)
        samples = out['maps']
        result = dict(samples=samples, mu=samples.mean(0),
                      sigma=samples.std(0, correction=self.std_ddof) if len(samples) > 1
                      else torch.zeros_like(samples[0]))
        if self.refine is not None:
            result['refined'] = refine_attention(result['mu'], result['sigma'], **self.refine)
        return result
