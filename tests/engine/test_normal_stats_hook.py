"""NormalStatsHook fills the NDD buffers from the normal images (thesis Sec. 7.4.1)."""
from types import SimpleNamespace

import pytest
import torch
from mmengine.logging import MMLogger

from thesiscv.engine.hooks import NormalStatsHook
from thesiscv.registry import MODELS


def detector(normal_stats='train_aggregate'):
    torch.manual_seed(0)
    return MODELS.build(dict(
        type='OneClassVAEDetector', data_preprocessor=dict(type='ImgDataPreprocessor'),
        vae=dict(type='ConvVAE', in_channels=1, input_size=16, enc_channels=(4, 8),
                 fc_hidden=16, latent_dim=3),
        explainer=dict(type='DistributionAttention', num_samples=4,
                       attention=dict(type='VAEAttention', target_layer='encoder.conv2',
                                      latent_source='ndd')),
        ndd=dict(normal_stats=normal_stats), maps=('sa', 'da', 'diffmap')))


def fake_runner(model, images):
    loader = [dict(inputs=list(images[i:i + 3])) for i in range(0, len(images), 3)]
    return SimpleNamespace(model=model, train_dataloader=loader,
                           logger=MMLogger.get_instance('normal_stats_test'))


def test_statistics_are_the_training_posteriors_means():
    model, images = detector(), torch.rand(7, 1, 16, 16)
    assert model.ndd.needs_stats
    runner = fake_runner(model.train(), images)
    NormalStatsHook().update(runner)
    with torch.no_grad():
        mu, logvar = model.vae.encode(images)
    torch.testing.assert_close(model.ndd.mu_x, mu.mean(0))
    torch.testing.assert_close(model.ndd.sigma_x, torch.exp(0.5 * logvar).mean(0))
    assert not model.ndd.needs_stats and model.training     # the mode is restored


def test_test_loop_computes_statistics_only_when_missing():
    model, images = detector(), torch.rand(4, 1, 16, 16)
    runner = fake_runner(model, images)
    runner.build_dataloader = lambda cfg: runner.train_dataloader
    runner.cfg = SimpleNamespace(train_dataloader=None)
    hook = NormalStatsHook()
    hook.before_test(runner)
    first = model.ndd.mu_x.clone()
    runner.train_dataloader = [dict(inputs=list(torch.rand(4, 1, 16, 16)))]
    hook.before_test(runner)                                   # already there: unchanged
    torch.testing.assert_close(model.ndd.mu_x, first)


def test_predict_writes_every_map_under_no_grad():
    model, images = detector(), torch.rand(2, 1, 16, 16)
    NormalStatsHook().update(fake_runner(model, images))
    model.eval()
    with torch.no_grad():
        samples = model.predict(images)
    for key in ('sa_map', 'da_mu', 'da_sigma', 'da_map', 'diffmap', 'pred_map'):
        assert samples[0].get(key).shape == (16, 16)
    torch.testing.assert_close(samples[1].pred_map, samples[1].sa_map)
    assert float(samples[0].pred_score) == pytest.approx(float(samples[0].sa_map.max()))
    traversal = model.traverse(images, steps=5, s_max=2.0)
    assert traversal.shape == (2, 5, 16, 16)


def test_a_model_without_ndd_is_refused():
    runner = SimpleNamespace(model=torch.nn.Linear(2, 2))
    with pytest.raises(TypeError, match='OneClassVAEDetector'):
        NormalStatsHook().update(runner)
