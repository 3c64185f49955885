"""One-class VAE anomaly localisation with attention (thesis Sec. 7.4, Fig. 7.3).

A VAE trained on normal images only (``mode='loss'`` delegates to it). ``predict`` explains each
test image with codes drawn from the normal difference distribution (Eq. 7.5) and writes into
every data sample the maps named in ``maps``:

* ``'sa'``: anomaly sample attention (top branch of Fig. 7.3) -> ``sa_map`` ``(H, W)``;
* ``'da'``: anomaly distribution attention (bottom branch) -> ``da_mu``, ``da_sigma`` and the
  sigma-weighted refinement ``da_map`` (the score map of Tables 7.4 and 7.5);
* ``'diffmap'``: the reconstruction baseline ``|x - x_hat|`` averaged over channels, with
  ``x_hat`` decoded from ``z = mu`` (Table 7.1) -> ``diffmap``.

``pred_map`` is the first of them, ``pred_score`` the image-level score (``'max_map'``,
``'mean_map'`` or ``'neg_elbo'``). With ``traversal=dict(steps=8, s_max=3.0)`` it also adds the
attention traversal of Fig. 7.5 (``traversal`` ``(steps, H, W)``, far to close). Gradients are
re-enabled inside ``predict``, so it works in mmengine's no-grad val and test loops.
"""
from typing import Dict, List, Optional, Sequence

import torch
from mmengine.model import BaseModel
from mmengine.structures import BaseDataElement

from thesiscv.registry import MODELS
from .base_vae import BaseVAE
from .distribution_attention import DistributionAttention
from .options import check_choice

MAP_NAMES = ('sa', 'da', 'diffmap')
MAP_KEYS = dict(sa='sa_map', da='da_map', diffmap='diffmap')
IMAGE_SCORES = ('max_map', 'mean_map', 'neg_elbo')


@MODELS.register_module()
class OneClassVAEDetector(BaseModel):
    """A one-class VAE, its normal-data statistics and its anomaly explainers.

    Args:
        vae: a :class:`ConvVAE` or :class:`ResNet18VAE` config.
        explainer: a :class:`DistributionAttention` config whose ``attention`` (a
            :class:`VAEAttention`, normally ``latent_source='ndd'``) also gives the SA maps.
        ndd: a :class:`NormalDifferenceDistribution` config (``latent_dim`` is filled in).
        maps: which maps ``predict`` computes, the first being ``pred_map``.
        image_score: image-level anomaly score.
        traversal: ``dict(steps=8, s_max=3.0)`` to add Fig. 7.5's traversal, or None.
    """

    def __init__(self, vae: dict, explainer: dict, ndd: dict = dict(),
                 maps: Sequence[str] = ('sa', ), image_score: str = 'max_map',
                 traversal: Optional[dict] = None, data_preprocessor: Optional[dict] = None,
                 init_cfg: Optional[dict] = None):
        super().__init__(data_preprocessor=data_preprocessor, init_cfg=init_cfg)
        bad = [m for m in maps if m not in MAP_NAMES]
        if bad or not maps:
            raise ValueError(f'maps must be a non-empty subset of {MAP_NAMES}, got {maps}')
        check_choice('image_score', image_score, IMAGE_SCORES)
        self.vae: BaseVAE = MODELS.build(vae)
        self.explainer: DistributionAttention = MODELS.build(explainer)
        self.ndd = MODELS.build(dict(type='NormalDifferenceDistribution',
                                     latent_dim=self.vae.latent_dim, **ndd))
        self.maps = tuple(maps)
        self.image_score = image_score
        self.traversal = None if traversal is None else dict(traversal)

    def forward(self, inputs: torch.Tensor, data_samples: Optional[List] = None,
                mode: str = 'tensor'):
        if mode == 'predict':
            return self.predict(inputs, data_samples)
        return self.vae(inputs, data_samples, mode)

    def diffmap(self, x: torch.Tensor) -> torch.Tensor:
        """``|x - decode(mu(x))|`` averaged over channels: ``(B, C, H, W) -> (B, H, W)``."""
        with torch.no_grad():
            mu, _ = self.vae.encode(x)
            return (x - self.vae.decode(mu)).abs().mean(1)

    def anomaly_maps(self, x: torch.Tensor) -> Dict[str, torch.Tensor]:
        """The maps named in ``self.maps`` for a batch ``(B, C, H, W)``, each ``(B, H, W)``."""
        out = {}
        if 'sa' in self.maps:
            out['sa_map'] = self.explainer.attention(self.vae, x, ndd=self.ndd)['maps']
        if 'da' in self.maps:
            da = self.explainer(self.vae, x, ndd=self.ndd)
            out.update(da_mu=da['mu'], da_sigma=da['sigma'],
                       da_map=da.get('refined', da['mu']))
        if 'diffmap' in self.maps:
            out['diffmap'] = self.diffmap(x)
        return out

    def traverse(self, x: torch.Tensor, steps: int = 8, s_max: float = 3.0) -> torch.Tensor:
        """Attention traversal (Fig. 7.5): ``z_t = mu^ndd + s_t sigma^ndd eps``, ``s_t`` from
        ``s_max`` down to 0 with one fixed ``eps``; ``(B, C, H, W) -> (B, steps, H, W)``."""
        eps = torch.randn(len(x), self.vae.latent_dim, device=x.device)
        scales = torch.linspace(s_max, 0.0, steps, device=x.device)
        maps = self.explainer.attention(self.vae, x, eps=scales[:, None, None] * eps,
                                        ndd=self.ndd)['maps']
        return maps.transpose(0, 1)

    def image_scores(self, x: torch.Tensor, pred_map: torch.Tensor) -> torch.Tensor:
        """Image-level anomaly scores ``(B,)``."""
        if self.image_score == 'max_map':
            return pred_map.flatten(1).amax(1)
        if self.image_score == 'mean_map':
            return pred_map.flatten(1).mean(1)
        with torch.no_grad():
            mu, logvar = self.vae.encode(x)
            logits = self.vae.decode_logits(self.vae.reparameterize(mu, logvar))
            return (self.vae.recon_error(logits, x)
                    + BaseVAE.kl_per_dim(mu, logvar).sum(1))

    def predict(self, x: torch.Tensor, data_samples: Optional[List] = None) -> List:
        maps = self.anomaly_maps(x)
        primary = maps[MAP_KEYS[self.maps[0]]]
        maps['pred_map'] = primary
        maps['pred_score'] = self.image_scores(x, primary)
        if self.traversal is not None:
            maps['traversal'] = self.traverse(x, **self.traversal)
        samples = data_samples or [BaseDataElement() for _ in range(len(x))]
        for i, sample in enumerate(samples):
            sample.set_data({k: v[i].detach() for k, v in maps.items()})
        return samples

    def dummy_batch(self, batch_size: int) -> dict:
        """A batch as the dataloader yields it (for tools/analysis/benchmark.py)."""
        return self.vae.dummy_batch(batch_size)
