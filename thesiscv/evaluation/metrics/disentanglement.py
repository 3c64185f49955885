"""The disentanglement metric of Kim & Mnih (2018), used by the thesis's Table 7.6 and Fig. 7.11.

Given representations ``r`` (the posterior means ``mu(x)``) of images with known factor
classes:

1. ``s_d`` = std of each dim over ``variance_subset`` random images; dims with
   ``s_d < prune_threshold`` are "collapsed" and never chosen.
2. One vote: pick a factor ``k`` (votes are balanced over the factors) and a value of it
   uniformly, draw ``L`` images with factor ``k`` at that value (all other factors random),
   divide their representations by ``s``, and vote ``(argmin_d var_d, k)``.
3. A majority-vote classifier maps each dim to the factor that voted for it most often on
   ``num_train_votes`` votes; the score is its accuracy on ``num_eval_votes`` fresh votes.

Drawing "``L`` images with factor ``k`` fixed" is an index lookup among the encoded images
(grouped once per factor), so a complete factor grid gives exactly Kim & Mnih's sampling and a
random subset of it an unbiased approximation. Everything is vectorised over votes.
"""
from typing import Dict, List, Optional, Sequence

import numpy as np
import torch
from mmengine.evaluator import BaseMetric
from mmengine.logging import MMLogger

from thesiscv.registry import METRICS


def draw_votes(reps: np.ndarray, classes: np.ndarray, scale: np.ndarray, active: np.ndarray,
               factors: Sequence[int], num_votes: int, num_samples: int,
               rng: np.random.Generator) -> np.ndarray:
    """``num_votes`` votes ``(dim, factor position)`` as a ``(num_votes, 2)`` int array."""
    factor_pos = np.arange(num_votes) % len(factors)
    dims = np.empty(num_votes, np.int64)
    for pos, factor in enumerate(factors):
        votes = np.flatnonzero(factor_pos == pos)
        order = np.argsort(classes[:, factor], kind='stable')
        values, starts, counts = np.unique(classes[order, factor], return_index=True,
                                           return_counts=True)
        pick = rng.integers(0, len(values), len(votes))
        offsets = (rng.random((len(votes), num_samples)) * counts[pick, None]).astype(np.int64)
        idx = order[starts[pick, None] + offsets]  # (votes, L) images sharing the value
        var = (reps[idx] / scale).var(axis=1)
        var[:, ~active] = np.inf
        dims[votes] = var.argmin(axis=1)
    return np.stack([dims, factor_pos], 1)


def factorvae_score(reps: np.ndarray, classes: np.ndarray, factors: Sequence[int] = (1, 2, 3, 4,
                                                                                      5),
                    num_samples: int = 100, num_train_votes: int = 800,
                    num_eval_votes: int = 800, variance_subset: int = 10000,
                    prune_threshold: float = 0.05, seed: int = 0) -> Dict[str, float]:
    """Kim & Mnih's score of representations ``(N, D)`` with factor classes ``(N, F)``.

    Returns ``disentanglement`` (accuracy in [0, 1]) and ``num_active_dims``.
    """
    rng = np.random.default_rng(seed)
    reps = np.asarray(reps, np.float64)
    subset = rng.choice(len(reps), min(variance_subset, len(reps)), replace=False)
    scale = reps[subset].std(axis=0)
    active = scale >= prune_threshold
    if not active.any():
        MMLogger.get_current_instance().warning(
            'FactorVAEMetric: every latent dim is collapsed (std < prune_threshold); score 0')
        return dict(disentanglement=0.0, num_active_dims=0)
    scale = np.where(active, scale, 1.0)
    train = draw_votes(reps, classes, scale, active, factors, num_train_votes, num_samples, rng)
    counts = np.zeros((reps.shape[1], len(factors)), np.int64)
    np.add.at(counts, (train[:, 0], train[:, 1]), 1)
    classifier = counts.argmax(axis=1)
    test = draw_votes(reps, classes, scale, active, factors, num_eval_votes, num_samples, rng)
    accuracy = float(np.mean(classifier[test[:, 0]] == test[:, 1]))
    return dict(disentanglement=accuracy, num_active_dims=int(active.sum()))


@METRICS.register_module()
class FactorVAEMetric(BaseMetric):
    """Kim & Mnih's disentanglement score of the ``mu`` predictions against
    ``factor_classes``.

    Args:
        num_samples: ``L``, images per vote.
        num_train_votes, num_eval_votes: votes for the classifier and its evaluation.
        variance_subset: images used for the per-dim std.
        prune_threshold: dims with a smaller std are collapsed.
        factors: factor columns used (dSprites: 1-5; color, column 0, is constant).
        seed: seed of the vote sampling.
    """
    default_prefix = 'dsprites'

    def __init__(self, num_samples: int = 100, num_train_votes: int = 800,
                 num_eval_votes: int = 800, variance_subset: int = 10000,
                 prune_threshold: float = 0.05, factors: Sequence[int] = (1, 2, 3, 4, 5),
                 seed: int = 0, collect_device: str = 'cpu', prefix: Optional[str] = None):
        super().__init__(collect_device=collect_device, prefix=prefix)
        self.kwargs = dict(factors=tuple(factors), num_samples=num_samples,
                           num_train_votes=num_train_votes, num_eval_votes=num_eval_votes,
                           variance_subset=variance_subset, prune_threshold=prune_threshold,
                           seed=seed)

    def process(self, data_batch, data_samples: Sequence[dict]) -> None:
        for sample in data_samples:
            if 'factor_classes' not in sample:
                raise KeyError('FactorVAEMetric needs factor_classes in the data samples '
                               '(DSpritesDataset with PackVAEInputs provides them)')
            self.results.append((torch.as_tensor(sample['mu']).cpu().numpy(),
                                 torch.as_tensor(sample['factor_classes']).cpu().numpy()))

    def compute_metrics(self, results: List) -> Dict[str, float]:
        reps = np.stack([r for r, _ in results])
        classes = np.stack([c for _, c in results])
        return factorvae_score(reps, classes, **self.kwargs)
