"""Reconstruction error of a VAE (the x axis of the thesis's Fig. 7.11).

The mean over images of the model's per-image reconstruction term ``recon_error`` (written by
``BaseVAE.predict``): the Bernoulli negative log-likelihood summed over pixels of ``x`` given
``z ~ q(z|x)`` for ``recon_loss='bce'`` (Kim & Mnih's convention; the thesis's "about 40"), the
summed squared error for ``'mse'``.
"""
from typing import Dict, List, Sequence

import numpy as np
from mmengine.evaluator import BaseMetric

from thesiscv.registry import METRICS


@METRICS.register_module()
class ReconstructionError(BaseMetric):
    """Mean ``recon_error`` of the predictions."""
    default_prefix = 'vae'

    def process(self, data_batch, data_samples: Sequence[dict]) -> None:
        self.results.extend(float(sample['recon_error']) for sample in data_samples)

    def compute_metrics(self, results: List) -> Dict[str, float]:
        return dict(recon_error=float(np.mean(results)))
