"""The normal difference distribution (Eq. 7.5) and its statistics."""
import pytest
import torch

from thesiscv.models.vae_attention import NormalDifferenceDistribution, VAEAttention
from .toy import ToyVAE, hand_maps


def fitted_ndd(**kwargs) -> NormalDifferenceDistribution:
    ndd = NormalDifferenceDistribution(3, **kwargs)
    mu = torch.tensor([[0.0, 1.0, 2.0], [2.0, 3.0, 2.0]])
    logvar = torch.log(torch.tensor([[1.0, 4.0, 1.0], [1.0, 4.0, 9.0]]))
    ndd.update_stats(ndd.moments(mu, logvar))
    return ndd


def test_parameters_follow_eq_7_5():
    ndd = fitted_ndd()
    torch.testing.assert_close(ndd.mu_x, torch.tensor([1.0, 2.0, 2.0]))
    torch.testing.assert_close(ndd.sigma_x, torch.tensor([1.0, 2.0, 2.0]))
    mu_y, logvar_y = torch.tensor([[0.5, -1.0, 2.0]]), torch.log(torch.tensor([[3.0, 5.0, 0.0]]))
    loc, scale = ndd.params(mu_y, logvar_y)
    torch.testing.assert_close(loc, torch.tensor([[0.5, 3.0, 0.0]]))
    torch.testing.assert_close(scale, torch.tensor([[2.0, 3.0, 2.0]]))
    loc_flip, _ = NormalDifferenceDistribution(3, sign='y_minus_x', normal_stats='prior').params(
        mu_y, logvar_y)
    torch.testing.assert_close(loc_flip, mu_y)


def test_moment_matching_is_the_aggregate_posterior_std():
    ndd = fitted_ndd(normal_stats='moment_match')
    # sigma^2 means (1, 4, 5) plus the variance of mu over the two images (1, 1, 0)
    torch.testing.assert_close(ndd.sigma_x, torch.tensor([2.0, 5.0, 5.0]).sqrt())


def test_moments_add_up_over_batches():
    mu, logvar = torch.randn(10, 4), torch.randn(10, 4)
    whole = NormalDifferenceDistribution.moments(mu, logvar)
    parts = (NormalDifferenceDistribution.moments(mu[:3], logvar[:3])
             + NormalDifferenceDistribution.moments(mu[3:], logvar[3:]))
    torch.testing.assert_close(whole, parts)


def test_sample_is_differentiable_in_mu_y_and_logvar_y():
    ndd = fitted_ndd()
    mu_y = torch.tensor([[0.5, -1.0, 2.0]], requires_grad=True)
    logvar_y = torch.zeros(1, 3, requires_grad=True)
    eps = torch.tensor([[1.0, -2.0, 0.5]])
    ndd.sample(mu_y, logvar_y, eps).sum().backward()
    torch.testing.assert_close(mu_y.grad, -torch.ones(1, 3))
    sigma_ndd = (ndd.sigma_x**2 + 1).sqrt()
    # d sigma_ndd / d logvar_y = 0.5 exp(logvar_y) / sigma_ndd
    torch.testing.assert_close(logvar_y.grad, eps * 0.5 / sigma_ndd)


def test_prior_statistics_need_no_data():
    ndd = NormalDifferenceDistribution(3, normal_stats='prior')
    assert not ndd.needs_stats
    loc, scale = ndd.params(torch.ones(2, 3), torch.zeros(2, 3))
    torch.testing.assert_close(loc, -torch.ones(2, 3))
    torch.testing.assert_close(scale, torch.full((2, 3), 2.0).sqrt())


def test_missing_statistics_give_a_clear_error():
    with pytest.raises(RuntimeError, match='NormalStatsHook'):
        NormalDifferenceDistribution(3).params(torch.zeros(1, 3), torch.zeros(1, 3))


def test_anomaly_attention_flips_the_gradient_sign():
    # z = mu_x - mu_y + ...: with a constant logvar, dz_i/dA = -W_i, so the anomaly map of the
    # toy VAE is the hand map of -W.
    weight = torch.randn(4, 3 * 4 * 5)
    vae, x = ToyVAE(weight), torch.randn(2, 3, 4, 5)
    ndd = NormalDifferenceDistribution(4, normal_stats='prior')
    out = VAEAttention('target', latent_source='ndd', upsample=None)(vae, x, ndd=ndd)
    torch.testing.assert_close(out['maps'], hand_maps(-weight, x).mean(1), atol=1e-6, rtol=0)
