"""EMA-Net: every Table 2.9 variant builds, trains a step and predicts; sharing and freezing."""
import copy

import pytest
import torch
from mmaction.structures import ActionDataSample

from thesiscv.registry import MODELS

W = 16
TINY = dict(
    type='EMANet', num_frames=4,
    extractor=dict(type='SelfAttentiveFeatureExtractor',
                   arch=dict(embed_dims=W, num_layers=1, num_heads=2, feedforward_channels=32),
                   img_size=16, patch_size=8, out_dim=W, drop_path_rate=0.0),
    motion_module=dict(type='SelfAttentiveMotionModule', in_dims=W, embed_dims=W, num_layers=6,
                       num_heads=2, mlp_ratio=2, max_frames=4),
    aggregator=dict(type='EnergyMotionAggregation', energy_dims=W, motion_dims=W,
                    num_tokens=4),
    cls_head=dict(type='EMAClsHead', in_channels=W, hidden_channels=8, num_classes=3))
NAIVE = dict(type='NaiveFusion', energy_dims=W, motion_dims=W, out_dims=W)
VARIANTS = {
    'full': {},
    'energy-only': dict(use_motion=False, motion_module=None, aggregator=None),
    'motion-only': dict(use_energy=False, aggregator=None),
    'lstm-naive': dict(motion_module=dict(type='RecurrentMotionModule', in_dims=W,
                                          hidden_dims=W, cell='lstm'), aggregator=NAIVE),
    'gru-naive': dict(motion_module=dict(type='RecurrentMotionModule', in_dims=W,
                                         hidden_dims=W, cell='gru'), aggregator=NAIVE),
    'transformer-naive': dict(aggregator=NAIVE),
    'sequence': dict(motion_module=dict(TINY['motion_module'], pool='none'),
                     aggregator=dict(type='EnergyMotionAggregation', energy_dims=W,
                                     motion_dims=W, token_mode='sequence', num_tokens=4),
                     cls_head=dict(TINY['cls_head'], in_channels=4 * W)),
}


def build(**changes):
    cfg = copy.deepcopy(TINY)
    cfg.update(changes)
    return MODELS.build(cfg)


@pytest.mark.parametrize('variant', sorted(VARIANTS))
def test_variant_trains_and_predicts(variant):
    torch.manual_seed(0)
    model = build(**VARIANTS[variant])
    data = model.data_preprocessor(model.dummy_batch(3), True)
    assert data['inputs']['energy'].shape == (3, 3, 16, 16)
    assert data['inputs']['masks'].shape == (3, 4, 3, 16, 16)
    losses = model(**data, mode='loss')
    losses['loss_cls'].backward()
    grads = [p.grad for p in model.extractor.parameters()]
    assert all(g is not None for g in grads)
    model.eval()
    preds = model(**data, mode='predict')
    assert torch.allclose(preds[0].pred_score.sum(), torch.tensor(1.0))
    assert model(**data, mode='tensor').shape == (3, 3)


def test_energy_only_ignores_masks_and_shared_extractor():
    model = build(**VARIANTS['energy-only']).eval()
    data = model.data_preprocessor(model.dummy_batch(2))
    out = model(**data, mode='tensor')
    data['inputs']['masks'] = torch.zeros_like(data['inputs']['masks'])
    assert torch.equal(out, model(**data, mode='tensor'))
    full = build()
    assert full.mask_extractor is full.extractor
    separate = build(share_extractor=False)
    assert separate.mask_extractor is not separate.extractor


def test_freeze_masks_stops_gradients_through_the_mask_pass():
    model = build(freeze_extractor='masks', **VARIANTS['motion-only'])
    data = model.data_preprocessor(model.dummy_batch(2), True)
    model(**data, mode='loss')['loss_cls'].backward()
    assert all(p.grad is None for p in model.extractor.parameters())
    assert model.motion_module.layers[0].attn.qkv.weight.grad is not None


def test_inconsistent_configs_are_refused():
    with pytest.raises(ValueError, match='in_channels'):
        build(cls_head=dict(TINY['cls_head'], in_channels=W + 1))
    with pytest.raises(ValueError, match='pool="none"'):
        build(motion_module=dict(TINY['motion_module'], pool='none'))
    with pytest.raises(KeyError, match='aggregator'):
        build(aggregator=None)


def test_data_preprocessor_normalises_and_replicates():
    model = build()
    sample = ActionDataSample().set_gt_label(1)
    data = dict(inputs=dict(energy=[torch.ones(1, 16, 16)], masks=[torch.zeros(4, 1, 16, 16)]),
                data_samples=[sample])
    out = model.data_preprocessor(data)['inputs']
    assert torch.all(out['energy'] == 1) and torch.all(out['masks'] == -1)
