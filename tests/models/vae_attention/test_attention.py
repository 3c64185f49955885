"""Sample and distribution attention against closed forms (Eqs. 7.2-7.4)."""
import pytest
import torch
import torch.nn.functional as F

from thesiscv.models.vae_attention import (ConvVAE, DistributionAttention, VAEAttention,
                                           refine_attention)
from .toy import ToyVAE, hand_maps


def toy_case(seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    n, h, w, dim = 3, 4, 5, 4
    weight = torch.randn(dim, n * h * w, generator=g)
    x = torch.randn(2, n, h, w, generator=g)
    return ToyVAE(weight), weight, x


def test_sample_attention_matches_hand_computation():
    vae, weight, x = toy_case()
    att = VAEAttention('target', upsample=None)
    out = att(vae, x, return_per_dim=True)
    expected = hand_maps(weight, x)
    torch.testing.assert_close(out['per_dim'], expected, atol=1e-6, rtol=0)
    torch.testing.assert_close(out['maps'], expected.mean(1), atol=1e-6, rtol=0)


def test_upsampling_is_bilinear_to_input_size():
    vae, weight, x = toy_case(1)
    maps = VAEAttention('target', upsample='bilinear')(vae, x, eps=torch.zeros(2, 4))['maps']
    expected = F.interpolate(hand_maps(weight, x).mean(1, keepdim=True), size=(4, 5),
                             mode='bilinear', align_corners=False)[:, 0]
    torch.testing.assert_close(maps, expected, atol=1e-6, rtol=0)


def test_relu_per_dimension_differs_from_relu_after_sum():
    # dim 0 weighs every channel +1, dim 1 -1: per-dim ReLU gives |sum_k A_k| / 2 where the
    # public code's single backward of sum(mu) (ReLU after summing) gives exactly zero.
    n, h, w = 2, 3, 3
    weight = torch.stack([torch.ones(n * h * w), -torch.ones(n * h * w)])
    vae = ToyVAE(weight)
    x = torch.randn(1, n, h, w)
    per_dim = VAEAttention('target', upsample=None)(vae, x)['maps']
    torch.testing.assert_close(per_dim, x.sum(1).abs() / 2, atol=1e-6, rtol=0)
    after_sum = VAEAttention('target', latent_source='mu_sum', upsample=None)(vae, x)['maps']
    assert after_sum.abs().max() == 0
    assert per_dim.max() > 0.1


def small_vae() -> ConvVAE:
    torch.manual_seed(0)
    return ConvVAE(in_channels=1, input_size=16, enc_channels=(4, 8), fc_hidden=32,
                   latent_dim=5).eval()


def test_batched_equals_per_sample():
    vae = small_vae()
    x, eps = torch.rand(3, 1, 16, 16), torch.randn(3, 5)
    att = VAEAttention('encoder.conv2')
    batched = att(vae, x, eps=eps)['maps']
    single = torch.cat([att(vae, x[i:i + 1], eps=eps[i:i + 1])['maps'] for i in range(3)])
    torch.testing.assert_close(batched, single, atol=1e-6, rtol=1e-5)


def test_many_codes_route_equals_one_code_at_a_time():
    # (S, B, D) noise uses alpha(loc) + eps * alpha(scale); it must equal S separate codes.
    vae = small_vae()
    x, eps = torch.rand(2, 1, 16, 16), torch.randn(4, 2, 5)
    att = VAEAttention('encoder.conv2')
    together = att(vae, x, eps=eps)['maps']
    apart = torch.stack([att(vae, x, eps=e)['maps'] for e in eps])
    torch.testing.assert_close(together, apart, atol=1e-6, rtol=1e-5)


def test_attention_works_inside_no_grad():
    # mmengine's val/test loops run under torch.no_grad(); attention re-enables gradients.
    vae = small_vae()
    x, eps = torch.rand(2, 1, 16, 16), torch.randn(2, 5)
    att = VAEAttention('encoder.act2')
    outside = att(vae, x, eps=eps)['maps']
    with torch.no_grad():
        inside = att(vae, x, eps=eps)['maps']
    torch.testing.assert_close(inside, outside)
    assert inside.abs().sum() > 0


def test_distribution_attention_with_zero_variance_equals_sample_attention():
    vae = small_vae()
    with torch.no_grad():
        vae.fc_logvar.weight.zero_()
        vae.fc_logvar.bias.fill_(-200.0)  # sigma = exp(-100) = 0 in float32
    x = torch.rand(2, 1, 16, 16)
    att = VAEAttention('encoder.conv2')
    da = DistributionAttention(att, num_samples=6)(vae, x)
    sa = att(vae, x)['maps']
    assert da['sigma'].abs().max() == 0
    torch.testing.assert_close(da['mu'], sa, atol=1e-6, rtol=1e-5)


def test_distribution_attention_mean_commutes_with_upsampling_but_not_std():
    vae = small_vae()
    x, eps = torch.rand(2, 1, 16, 16), torch.randn(8, 2, 5)
    up = DistributionAttention(VAEAttention('encoder.conv2'), refine=None)(vae, x, eps=eps)
    low = DistributionAttention(VAEAttention('encoder.conv2', upsample=None), refine=None)(
        vae, x, eps=eps)
    resize = lambda m: F.interpolate(m[:, None], size=(16, 16), mode='bilinear',  # noqa: E731
                                     align_corners=False)[:, 0]
    torch.testing.assert_close(up['mu'], resize(low['mu']), atol=1e-6, rtol=1e-5)
    manual_std = up['samples'].std(0, correction=0)
    torch.testing.assert_close(up['sigma'], manual_std)
    assert not torch.allclose(up['sigma'], resize(low['sigma']), atol=1e-6)


def test_refinement_is_elementwise_on_known_arrays():
    mu = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    sigma = torch.tensor([[0.0, 0.5], [1.0, 0.25]])
    out = refine_attention(mu, sigma, a=10.0, b=0.5, sigma_norm='none')
    expected = mu * torch.tensor([[1 / (1 + torch.e**5), 0.5], [1 / (1 + torch.e**-5),
                                                                1 / (1 + torch.e**2.5)]])
    torch.testing.assert_close(out, expected)
    # min-max normalisation of sigma first: sigma/1.0 here, so the same result
    torch.testing.assert_close(refine_attention(mu, sigma, sigma_norm='minmax'), expected)


def test_unknown_target_layer_names_the_choices():
    vae = small_vae()
    with pytest.raises(KeyError, match='encoder.conv2'):
        VAEAttention('encoder.conv9')(vae, torch.rand(1, 1, 16, 16))
