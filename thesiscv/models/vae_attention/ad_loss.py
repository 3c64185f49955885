"""The attention disentanglement loss ``L_AD`` (thesis Sec. 7.6, Eqs. 7.6-7.8).

For the per-dimension attention maps ``M^p, M^q`` (Eq. 7.2, before averaging over dims) of one
image, the overlap is a weighted Dice coefficient

    overlap(M^p, M^q) = 2 sum_ij min(M^p_ij, M^q_ij) / (sum_ij (M^p_ij + M^q_ij) + eps)   (Eq. 7.7)

and ``L_AD = sum_{(p, q) in P} overlap(M^p, M^q)`` over unordered pairs of ``k`` chosen dims
(Eq. 7.8: ``k = 2`` gives 1 pair, ``k = 3`` gives 3 pairs), averaged over the batch. It is
differentiable: ``alpha = GAP(dz/dA)`` is computed with ``create_graph=True`` (double backprop),
so the loss reaches the layers after ``A`` through ``alpha`` and those before ``A`` through ``A``.
AD-FactorVAE adds ``lambda * L_AD`` to the FactorVAE objective (Eq. 7.9).

DA variant (Sec. 7.6, loosely specified): ``N`` codes give per-dim ``mu^{M^p}, sigma^{M^p}``;
``da_weighting='map'`` scores ``overlap(W^p, W^q)`` with ``W = mu * sigmoid(a (sigma - b))``;
``da_weighting='overlap'`` weights the min term by ``sigmoid(a ((sigma^p + sigma^q)/2 - b))``.
"""
from itertools import combinations
from typing import List, Sequence, Tuple

import torch
import torch.nn as nn

from thesiscv.registry import MODELS
from .attention import latent_attention, normalize_maps, resize_maps
from .distribution_attention import refine_attention
from .options import check_choice

DIM_SELECTIONS = ('fixed', 'random', 'top_kl')
MODES = ('sa', 'da')
DA_WEIGHTINGS = ('map', 'overlap')


def attention_overlap(map_p: torch.Tensor, map_q: torch.Tensor, eps: float = 1e-8,
                      weight: torch.Tensor = None) -> torch.Tensor:
    """Eq. 7.7 over the last two dims: ``(..., H, W)`` x2 -> ``(...)``, in ``[0, 1]``.

    ``weight`` (same shape, optional) multiplies the min term (the DA ``'overlap'`` weighting).
    """
    inter = torch.minimum(map_p, map_q)
    if weight is not None:
        inter = inter * weight
    return 2 * inter.sum((-2, -1)) / ((map_p + map_q).sum((-2, -1)) + eps)


def dim_pairs(num_dims: int) -> List[Tuple[int, int]]:
    """All unordered pairs of ``num_dims`` chosen dims (Eq. 7.8)."""
    return list(combinations(range(num_dims), 2))


@MODELS.register_module()
class AttentionDisentangleLoss(nn.Module):
    """``L_AD`` on the per-dimension attention of a training-time posterior sample.

    Args:
        target_layer: module path of ``A`` (the FactorVAE's ``encoder.conv4`` by default).
        num_dims: ``k`` chosen dims (2 -> 1 pair, 3 -> 3 pairs).
        dim_selection: ``'fixed'`` (the first ``k``), ``'random'`` (fresh every call) or
            ``'top_kl'`` (the ``k`` dims of highest batch-mean KL to the prior).
        pair_reduction: ``'sum'`` over pairs (Eq. 7.8) or ``'mean'``.
        mode: ``'sa'`` (maps of the sampled code) or ``'da'`` (``da_samples`` codes).
        da_samples, da_weighting, a, b, sigma_norm: the DA variant (see the module docstring).
        map_normalize: ``'none'`` (literal), ``'sum'`` (histogram intersection) or ``'max'``.
        overlap_resolution: ``'input'`` (bilinear upsampling first) or ``'feature'``.
        eps: the Dice denominator's epsilon.
        activation: per-map activation (``'relu'``, Eq. 7.2).
        create_graph: double backprop through ``alpha`` (default True).
        detach_alpha: treat ``alpha`` as constant (cheaper; gradients only through ``A``).
        loss_weight: ``lambda`` of Eq. 7.9.

    ``forward(features, mu, logvar, eps, image_size)``: ``features`` ``(B, n, h, w)`` captured
    while encoding, ``mu, logvar, eps`` ``(B, D)`` of the training code
    ``z = mu + exp(logvar/2) * eps``, ``image_size`` ``(H, W)``. Returns a scalar in
    ``[0, loss_weight * num_pairs]`` (``'sum'``).
    """

    def __init__(self, target_layer: str = 'encoder.conv4', num_dims: int = 2,
                 dim_selection: str = 'fixed', pair_reduction: str = 'sum', mode: str = 'sa',
                 da_samples: int = 4, da_weighting: str = 'map', a: float = 10.0, b: float = 0.5,
                 sigma_norm: str = 'minmax', map_normalize: str = 'none',
                 overlap_resolution: str = 'input', eps: float = 1e-8, activation: str = 'relu',
                 create_graph: bool = True, detach_alpha: bool = False,
                 loss_weight: float = 1.0):
        super().__init__()
        check_choice('dim_selection', dim_selection, DIM_SELECTIONS)
        check_choice('pair_reduction', pair_reduction, ('sum', 'mean'))
        check_choice('mode', mode, MODES)
        check_choice('da_weighting', da_weighting, DA_WEIGHTINGS)
        check_choice('overlap_resolution', overlap_resolution, ('input', 'feature'))
        if num_dims < 2:
            raise ValueError(f'num_dims must be >= 2 to form a pair, got {num_dims}')
        self.target_layer = target_layer
        self.num_dims = num_dims
        self.dim_selection = dim_selection
        self.pair_reduction = pair_reduction
        self.mode = mode
        self.da_samples = da_samples
        self.da_weighting = da_weighting
        self.refine = dict(a=a, b=b, sigma_norm=sigma_norm)
        self.map_normalize = map_normalize
        self.overlap_resolution = overlap_resolution
        self.eps = eps
        self.activation = activation
        self.create_graph = create_graph
        self.detach_alpha = detach_alpha
        self.loss_weight = loss_weight
        self.pairs = dim_pairs(num_dims)

    def select_dims(self, mu: torch.Tensor, logvar: torch.Tensor) -> List[int]:
        """The ``k`` latent dims whose maps are compared."""
        dim = mu.shape[1]
        if self.num_dims > dim:
            raise ValueError(f'num_dims={self.num_dims} exceeds the latent size {dim}')
        if self.dim_selection == 'fixed':
            return list(range(self.num_dims))
        if self.dim_selection == 'random':
            return torch.randperm(dim)[:self.num_dims].tolist()
        kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp())
        return kl.mean(0).topk(self.num_dims).indices.tolist()

    def _maps(self, features: torch.Tensor, mu: torch.Tensor, std: torch.Tensor,
              eps: torch.Tensor, image_size: Sequence[int]) -> torch.Tensor:
        maps = latent_attention(features, mu, std, eps, self.activation, None,
                                self.create_graph, self.detach_alpha)  # (S, B, k, h, w)
        if self.overlap_resolution == 'input':
            maps = resize_maps(maps, image_size)
        return normalize_maps(maps, self.map_normalize)

    def pair_overlaps(self, maps: torch.Tensor, weight: torch.Tensor = None) -> torch.Tensor:
        """Overlap of every pair: ``(B, k, H, W)`` -> ``(B, num_pairs)``."""
        p, q = zip(*self.pairs)
        w = None
        if weight is not None:
            w = torch.sigmoid(self.refine['a'] * ((weight[:, p] + weight[:, q]) / 2
                                                  - self.refine['b']))
        return attention_overlap(maps[:, p], maps[:, q], self.eps, w)

    def forward(self, features: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor,
                eps: torch.Tensor, image_size: Sequence[int]) -> torch.Tensor:
        dims = self.select_dims(mu.detach(), logvar.detach())
        mu_k, std_k = mu[:, dims], torch.exp(0.5 * logvar[:, dims])
        if self.mode == 'sa':
            overlaps = self.pair_overlaps(self._maps(features, mu_k, std_k,
                                                     eps[None, :, dims], image_size)[0])
        else:
            noise = torch.randn(self.da_samples, *mu_k.shape, device=mu.device, dtype=mu.dtype)
            maps = self._maps(features, mu_k, std_k, noise, image_size)
            mean, sigma = maps.mean(0), maps.std(0, correction=0)
            if self.da_weighting == 'map':
                overlaps = self.pair_overlaps(refine_attention(mean, sigma, **self.refine))
            else:
                overlaps = self.pair_overlaps(mean, weight=normalize_maps(
                    sigma, self.refine['sigma_norm']))
        per_image = overlaps.sum(1) if self.pair_reduction == 'sum' else overlaps.mean(1)
        return self.loss_weight * per_image.mean()
