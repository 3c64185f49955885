"""FactorVAE / AD-FactorVAE: permutation, TC estimate, two-optimizer train_step."""
import copy

import torch
from mmengine.optim import OptimWrapperDict, build_optim_wrapper

from thesiscv.models.vae_attention import FactorVAE, permute_dims
from thesiscv.registry import MODELS

VAE = dict(type='ConvVAE', in_channels=1, input_size=32, enc_channels=(8, 8, 16), fc_hidden=32,
           latent_dim=4)
OPTIM = dict(
    constructor='MultiOptimWrapperConstructor',
    vae=dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-3)),
    discriminator=dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-3,
                                                           betas=(0.5, 0.9))))


def build(ad_loss=None) -> FactorVAE:
    torch.manual_seed(0)
    return MODELS.build(dict(
        type='FactorVAE', data_preprocessor=dict(type='ImgDataPreprocessor'), vae=VAE,
        discriminator=dict(type='FactorVAEDiscriminator', latent_dim=4, hidden=16,
                           num_layers=2), gamma=10.0, ad_loss=ad_loss))


def test_permute_dims_keeps_every_column_multiset():
    z = torch.randn(50, 6)
    perm = permute_dims(z)
    torch.testing.assert_close(perm.sort(0).values, z.sort(0).values)
    assert not torch.equal(perm, z)


def test_tc_estimate_is_positive_for_a_discriminator_saying_class_0():
    model = build()
    last = model.discriminator.net[-1]
    with torch.no_grad():
        last.weight.zero_()
        last.bias.copy_(torch.tensor([3.0, -1.0]))
    losses, _ = model.vae_losses(torch.rand(6, 1, 32, 32))
    assert losses['tc'].item() == 4.0
    assert losses['loss_tc'].item() == 40.0


def test_train_step_updates_both_networks_with_their_own_losses():
    model = build(ad_loss=dict(type='AttentionDisentangleLoss', target_layer='encoder.conv3'))
    optim = build_optim_wrapper(model, OPTIM)
    assert isinstance(optim, OptimWrapperDict) and set(optim.keys()) == {'vae', 'discriminator'}
    before = copy.deepcopy(model.state_dict())
    data = dict(inputs=[torch.rand(1, 32, 32).round() for _ in range(8)])
    log = model.train_step(data, optim)
    assert {'loss', 'loss_recon', 'loss_kl', 'loss_tc', 'loss_ad', 'loss_disc', 'tc'} <= set(log)
    assert all(torch.isfinite(v) for v in log.values())
    after = model.state_dict()
    changed = {k.split('.')[0] for k in before if not torch.equal(before[k], after[k])}
    assert changed == {'vae', 'discriminator'}
    assert all(p.requires_grad for p in model.discriminator.parameters())


def test_vae_step_leaves_no_gradient_in_the_discriminator():
    # The VAE's TC term runs through the discriminator, which is frozen meanwhile: its
    # gradients must come from the discriminator loss only.
    model = build()
    optim = build_optim_wrapper(model, OPTIM)
    disc_step = optim['discriminator'].update_params
    seen = {}

    def spy(loss, **kwargs):
        seen['grads'] = [p.grad for p in model.discriminator.parameters()]
        disc_step(loss, **kwargs)

    optim['discriminator'].update_params = spy
    model.train_step(dict(inputs=[torch.rand(1, 32, 32) for _ in range(4)]), optim)
    assert all(g is None or g.abs().sum() == 0 for g in seen['grads'])
