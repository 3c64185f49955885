"""Kim & Mnih's disentanglement metric on representations with known answers."""
import numpy as np
import pytest
import torch

from thesiscv.evaluation.metrics import FactorVAEMetric, ReconstructionError
from thesiscv.evaluation.metrics.disentanglement import factorvae_score


@pytest.fixture(scope='module')
def grid():
    classes = np.stack(np.meshgrid(*[np.arange(n) for n in (1, 3, 3, 4, 6, 6)],
                                   indexing='ij'), -1).reshape(-1, 6)
    factors = classes[:, 1:].astype(float)
    return classes, (factors - factors.mean(0)) / factors.std(0)


def test_true_factors_score_one(grid):
    classes, factors = grid
    rng = np.random.default_rng(0)
    reps = factors + 1e-3 * rng.standard_normal(factors.shape)
    assert factorvae_score(reps, classes)['disentanglement'] == 1.0
    permuted_rescaled = reps[:, [3, 0, 4, 2, 1]] * np.array([5.0, 0.1, 2.0, 30.0, 1.0])
    assert factorvae_score(permuted_rescaled, classes)['disentanglement'] == 1.0


def test_collapsed_dims_are_pruned(grid):
    classes, factors = grid
    reps = np.concatenate([factors, np.full((len(factors), 3), 0.7),
                           1e-3 * np.random.default_rng(1).standard_normal((len(factors), 2))],
                          1)
    out = factorvae_score(reps, classes)
    assert out == dict(disentanglement=1.0, num_active_dims=5)


def test_mixing_two_factors_splits_their_votes(grid):
    classes, factors = grid
    rotation = np.eye(5)
    rotation[3:, 3:] = np.array([[1, 1], [1, -1]]) / np.sqrt(2)  # 45 degrees in (posX, posY)
    score = factorvae_score(factors @ rotation.T, classes)['disentanglement']
    assert 0.7 <= score < 0.9


def test_noise_scores_near_chance(grid):
    classes, _ = grid
    noise = np.random.default_rng(2).standard_normal((len(classes), 10))
    assert factorvae_score(noise, classes, seed=5)['disentanglement'] < 0.5


def test_metric_collects_mu_and_factor_classes(grid):
    classes, factors = grid
    metric = FactorVAEMetric(num_train_votes=200, num_eval_votes=200)
    metric.process({}, [dict(mu=torch.tensor(f), factor_classes=torch.tensor(c))
                        for f, c in zip(factors, classes)])
    assert metric.compute_metrics(metric.results)['disentanglement'] == 1.0
    with pytest.raises(KeyError, match='factor_classes'):
        metric.process({}, [dict(mu=torch.zeros(3))])


def test_reconstruction_error_is_the_mean():
    metric = ReconstructionError()
    metric.process({}, [dict(recon_error=1.0), dict(recon_error=4.0)])
    assert metric.compute_metrics(metric.results) == dict(recon_error=2.5)
