"""Sample attention (SA) for VAEs: Grad-CAM driven by the latent code (thesis Sec. 7.3.2).

For a code ``z`` drawn from a Gaussian whose parameters the encoder computes from the target
layer's features ``A`` (``B x n x h x w``), every latent element ``z_i`` gives

    alpha^i_k = GAP(d z_i / d A_k)                       (Eq. 7.3)
    M_i = ReLU(sum_k alpha^i_k A_k)                      (Eq. 7.2, per dimension)
    M = 1/D sum_i M_i, upsampled bilinearly to H x W     (the SA map)

Every code here is reparameterised, ``z = loc + eps * scale`` with ``eps`` a constant:
``'posterior_sample'`` (the thesis: ``loc = mu``, ``scale = sigma``), ``'posterior_mean'``
(``z = mu``), ``'mu_sum'`` (the public code: one backward of ``sum_i mu_i``, so a single map
with no per-dimension ReLU) and ``'ndd'`` (the normal difference distribution of Eq. 7.5, for
anomaly attention). Because GAP is linear, ``alpha(z^s) = alpha(loc) + eps^s * alpha(scale)``:
any number of sampled codes costs only ``2 D`` backward passes (:func:`latent_attention`),
which makes distribution attention (``N = 32`` codes) cheap and exact.
"""
from typing import Dict, Optional, Sequence, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

from thesiscv.models.layers import FeatureCapture, cam_maps, gap_gradients
from thesiscv.registry import MODELS
from .options import check_choice

LATENT_SOURCES = ('posterior_sample', 'posterior_mean', 'mu_sum', 'ndd')
NORMALIZATIONS = ('none', 'minmax', 'sum', 'max')
AGGREGATIONS = ('mean', 'max')


def latent_gaussian(mu: torch.Tensor, logvar: torch.Tensor, source: str,
                    ndd: Optional[nn.Module] = None
                    ) -> Tuple[torch.Tensor, Optional[torch.Tensor]]:
    """``(loc, scale)`` of the code ``z = loc + eps * scale`` whose attention is computed.

    Args:
        mu, logvar: encoder outputs ``(B, D)``.
        source: one of ``LATENT_SOURCES``.
        ndd: a :class:`NormalDifferenceDistribution`, needed for ``source='ndd'``.

    Returns:
        ``loc`` ``(B, D)`` (``(B, 1)`` for ``'mu_sum'``) and ``scale`` of the same shape, or
        ``None`` for the deterministic sources.
    """
    check_choice('latent_source', source, LATENT_SOURCES)
    if source == 'posterior_sample':
        return mu, torch.exp(0.5 * logvar)
    if source == 'posterior_mean':
        return mu, None
    if source == 'mu_sum':
        return mu.sum(dim=1, keepdim=True), None
    if ndd is None:
        raise ValueError('latent_source="ndd" needs the normal difference distribution '
                         '(pass ndd=...; OneClassVAEDetector does this)')
    return ndd.params(mu, logvar)


def latent_attention(features: torch.Tensor, loc: torch.Tensor, scale: Optional[torch.Tensor],
                     eps: Optional[torch.Tensor], activation: str = 'relu',
                     grad_norm: Optional[str] = None, create_graph: bool = False,
                     detach_alpha: bool = False) -> torch.Tensor:
    """Per-dimension attention maps ``M_i`` of the codes ``z^s = loc + eps^s * scale``.

    Args:
        features: target-layer features ``A`` ``(B, n, h, w)``, in the graph of loc and scale.
        loc, scale: ``(B, K)``; ``scale=None`` for a deterministic code ``z = loc``.
        eps: ``(S, B, K)`` constant noise, one code per ``s`` (ignored when ``scale`` is None).
        activation: ``'relu'`` (Eq. 7.2), ``'abs'`` or ``'none'``.
        grad_norm: ``None`` or ``'rms'`` (gradient RMS normalisation before GAP).
        create_graph: keep the graph of ``alpha`` (double backprop for a loss on the maps).
        detach_alpha: treat ``alpha`` as a constant (gradients then flow only through ``A``).

    Returns:
        ``(S, B, K, h, w)`` maps (``S = 1`` for a deterministic code).
    """
    num = loc.shape[1]
    if scale is None or eps is None:
        weights = gap_gradients(loc, features, create_graph, grad_norm)[None]
    elif grad_norm is None and eps.shape[0] > 1:
        # GAP is linear: alpha(loc + eps * scale) = alpha(loc) + eps * alpha(scale), exactly.
        both = gap_gradients(torch.cat([loc, scale], dim=1), features, create_graph)
        alpha_loc, alpha_scale = both[:, :num], both[:, num:]
        weights = alpha_loc + eps[..., None] * alpha_scale
    else:
        weights = torch.stack([
            gap_gradients(loc + e * scale, features, create_graph, grad_norm) for e in eps])
    if detach_alpha:
        weights = weights.detach()
    return cam_maps(weights, features, activation)


def resize_maps(maps: torch.Tensor, size: Sequence[int], mode: Optional[str] = 'bilinear'
                ) -> torch.Tensor:
    """Resize ``(..., h, w)`` maps to ``size`` (``mode=None`` keeps them)."""
    if mode is None or tuple(maps.shape[-2:]) == tuple(size):
        return maps
    lead = maps.shape[:-2]
    kwargs = dict(align_corners=False) if mode in ('bilinear', 'bicubic') else {}
    out = F.interpolate(maps.reshape(-1, 1, *maps.shape[-2:]), size=tuple(size), mode=mode,
                        **kwargs)
    return out.reshape(*lead, *out.shape[-2:])


def normalize_maps(maps: torch.Tensor, how: str = 'none', eps: float = 1e-12) -> torch.Tensor:
    """Per-map normalisation over the last two dims: none, minmax, sum or max."""
    check_choice('normalize', how, NORMALIZATIONS)
    if how == 'none':
        return maps
    flat = maps.flatten(-2)
    if how == 'minmax':
        low = flat.amin(-1, keepdim=True)
        flat = (flat - low) / (flat.amax(-1, keepdim=True) - low + eps)
    elif how == 'sum':
        flat = flat / (flat.sum(-1, keepdim=True) + eps)
    else:  # max
        flat = flat / (flat.amax(-1, keepdim=True) + eps)
    return flat.view_as(maps)


@MODELS.register_module()
class VAEAttention:
    """The SA explainer (Sec. 7.3.2): usable on any VAE with ``encode(x) -> (mu, logvar)``.

    Args:
        target_layer: module path of the conv features ``A`` (e.g. ``'encoder.conv2'``,
            ``'encoder.resnet.layer4'``).
        latent_source: ``'posterior_sample'`` (thesis), ``'posterior_mean'``, ``'mu_sum'``
            (public code) or ``'ndd'`` (anomaly attention, Sec. 7.4).
        aggregate: ``'mean'`` over dimensions (thesis) or ``'max'``.
        activation: ``'relu'`` (thesis) or ``'abs'`` (public code).
        grad_norm: ``None`` (thesis) or ``'rms'`` (public code).
        upsample: ``'bilinear'`` (default), ``'nearest'``, or ``None`` for feature resolution.
        normalize: ``'none'`` (default), ``'minmax'``, ``'sum'`` or ``'max'``, per map.
        dims: explain only these latent dimensions (default: all).
        create_graph, detach_alpha: see :func:`latent_attention`.

    Call ``attention(vae, x, eps=None, ndd=None, return_per_dim=False)`` with ``x (B, C, H, W)``
    and ``eps`` ``(B, D)`` or ``(S, B, D)`` (default: one fresh standard normal draw). Returns
    ``maps`` ``(B, H, W)`` (``(S, B, H, W)`` for 3-d ``eps``), ``mu`` and ``logvar`` and, when
    asked, ``per_dim`` ``([S,] B, K, H, W)``. Gradients are enabled inside, so the call works in
    mmengine's no-grad val/test loops; put models with BatchNorm in eval mode first.
    """

    def __init__(self, target_layer: str, latent_source: str = 'posterior_sample',
                 aggregate: str = 'mean', activation: str = 'relu',
                 grad_norm: Optional[str] = None, upsample: Optional[str] = 'bilinear',
                 normalize: str = 'none', dims: Optional[Sequence[int]] = None,
                 create_graph: bool = False, detach_alpha: bool = False):
        check_choice('latent_source', latent_source, LATENT_SOURCES)
        check_choice('aggregate', aggregate, AGGREGATIONS)
        check_choice('normalize', normalize, NORMALIZATIONS)
        if dims is not None and latent_source == 'mu_sum':
            raise ValueError('dims cannot be combined with latent_source="mu_sum"')
        self.target_layer = target_layer
        self.latent_source = latent_source
        self.aggregate = aggregate
        self.activation = activation
        self.grad_norm = grad_norm
        self.upsample = upsample
        self.normalize = normalize
        self.dims = None if dims is None else list(dims)
        self.create_graph = create_graph
        self.detach_alpha = detach_alpha

    def per_dim_maps(self, vae: nn.Module, x: torch.Tensor, eps: Optional[torch.Tensor] = None,
                     ndd: Optional[nn.Module] = None) -> Dict[str, torch.Tensor]:
        """Feature-resolution maps ``M_i`` ``(S, B, K, h, w)`` plus ``mu`` and ``logvar``."""
        with torch.enable_grad():
            with FeatureCapture(vae, self.target_layer) as capture:
                mu, logvar = vae.encode(x)
            loc, scale = latent_gaussian(mu, logvar, self.latent_source, ndd)
            if scale is not None:
                eps = torch.randn_like(loc)[None] if eps is None else eps
                eps = eps[None] if eps.dim() == 2 else eps
                if self.dims is not None:
                    scale, eps = scale[:, self.dims], eps[..., self.dims]
            if self.dims is not None:
                loc = loc[:, self.dims]
            maps = latent_attention(capture.output, loc, scale, eps, self.activation,
                                    self.grad_norm, self.create_graph, self.detach_alpha)
        return dict(per_dim=maps, mu=mu, logvar=logvar)

    def __call__(self, vae: nn.Module, x: torch.Tensor, eps: Optional[torch.Tensor] = None,
                 ndd: Optional[nn.Module] = None, return_per_dim: bool = False
                 ) -> Dict[str, torch.Tensor]:
        out = self.per_dim_maps(vae, x, eps, ndd)
        per_dim = out.pop('per_dim')
        maps = per_dim.mean(2) if self.aggregate == 'mean' else per_dim.amax(2)
        size = x.shape[-2:]
        out['maps'] = normalize_maps(resize_maps(maps, size, self.upsample), self.normalize)
        if return_per_dim:
            out['per_dim'] = normalize_maps(resize_maps(per_dim, size, self.upsample),
                                            self.normalize)
        if eps is None or eps.dim() == 2:  # one code per image: drop the sample axis
            out = {k: (v[0] if k in ('maps', 'per_dim') else v) for k, v in out.items()}
        return out
