"""The attention disentanglement loss (Eqs. 7.6-7.8) and its gradients."""
import pytest
import torch

from thesiscv.models.layers import FeatureCapture
from thesiscv.models.vae_attention import (AttentionDisentangleLoss, ConvVAE,
                                           attention_overlap)


def test_identical_maps_overlap_fully_and_disjoint_maps_not_at_all():
    m = torch.rand(5, 6) + 0.1
    assert attention_overlap(m, m).item() == pytest.approx(1.0, abs=1e-6)
    left, right = torch.zeros(5, 6), torch.zeros(5, 6)
    left[:, :3], right[:, 3:] = 1.0, 2.0
    assert attention_overlap(left, right).item() == 0.0
    assert attention_overlap(torch.zeros(2, 2), torch.zeros(2, 2)).item() == 0.0


def test_worked_example_of_eq_7_7():
    m1 = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    m2 = torch.tensor([[1.0, 1.0], [0.0, 0.0]])
    assert attention_overlap(m1, m2).item() == pytest.approx(2 * 1 / 4)


def test_three_dims_sum_three_pair_terms():
    loss = AttentionDisentangleLoss(num_dims=3)
    maps = torch.rand(2, 3, 4, 4)
    overlaps = loss.pair_overlaps(maps)
    expected = torch.stack([attention_overlap(maps[:, p], maps[:, q])
                            for p, q in ((0, 1), (0, 2), (1, 2))], 1)
    torch.testing.assert_close(overlaps, expected)


def fv_encoder():
    torch.manual_seed(0)
    return ConvVAE(in_channels=1, input_size=32, enc_channels=(8, 8, 16), fc_hidden=32,
                   latent_dim=6)


def ad_loss_value(loss: AttentionDisentangleLoss, vae: ConvVAE, x: torch.Tensor):
    with FeatureCapture(vae, loss.target_layer) as capture:
        mu, logvar = vae.encode(x)
    eps = torch.randn_like(mu)
    return loss(capture.output, mu, logvar, eps, x.shape[-2:])


@pytest.mark.parametrize('num_dims', [2, 3])
def test_loss_lies_between_zero_and_the_number_of_pairs(num_dims):
    vae, x = fv_encoder(), torch.rand(4, 1, 32, 32)
    value = ad_loss_value(AttentionDisentangleLoss('encoder.conv2', num_dims=num_dims), vae, x)
    assert 0.0 < value.item() <= num_dims * (num_dims - 1) / 2


@pytest.mark.parametrize('mode', ['sa', 'da'])
def test_gradient_reaches_layers_before_the_target_and_the_mu_head(mode):
    vae, x = fv_encoder(), torch.rand(4, 1, 32, 32)
    ad_loss_value(AttentionDisentangleLoss('encoder.conv2', mode=mode), vae, x).backward()
    assert vae.encoder.conv1.weight.grad.abs().sum() > 0       # through A
    assert vae.fc_mu.weight.grad.abs().sum() > 0               # through alpha (double backprop)
    assert vae.encoder.conv3.weight.grad.abs().sum() > 0       # between A and the heads


def test_detached_alpha_gives_the_mu_head_no_gradient():
    vae, x = fv_encoder(), torch.rand(4, 1, 32, 32)
    loss = AttentionDisentangleLoss('encoder.conv2', detach_alpha=True)
    ad_loss_value(loss, vae, x).backward()
    assert vae.encoder.conv1.weight.grad.abs().sum() > 0
    assert vae.fc_mu.weight.grad is None or vae.fc_mu.weight.grad.abs().sum() == 0


def test_dimension_selection():
    mu = torch.tensor([[0.0, 3.0, 0.1, 2.0]])
    logvar = torch.zeros(1, 4)
    assert AttentionDisentangleLoss(num_dims=2).select_dims(mu, logvar) == [0, 1]
    top = AttentionDisentangleLoss(num_dims=2, dim_selection='top_kl').select_dims(mu, logvar)
    assert top == [1, 3]
    picked = AttentionDisentangleLoss(num_dims=3, dim_selection='random').select_dims(mu,
                                                                                     logvar)
    assert len(set(picked)) == 3
