"""Energy-motion aggregation (Eq. 2.6-2.7): shapes, residual path, batch (in)dependence."""
import pytest
import torch

from thesiscv.models.emanet import EnergyMotionAggregation


def zero_value(agg):
    torch.nn.init.zeros_(agg.value.weight)
    torch.nn.init.zeros_(agg.value.bias)
    return agg


@pytest.mark.parametrize('mode, energy, motion, out', [
    ('split', (3, 32), (3, 32), (3, 32)),
    ('batch', (3, 32), (3, 32), (3, 32)),
    ('sequence', (3, 24, 4, 4), (3, 8, 32), (3, 8 * 32)),
])
def test_shapes_and_residual(mode, energy, motion, out):
    agg = EnergyMotionAggregation(24 if mode == 'sequence' else 32, 32, token_mode=mode,
                                  num_tokens=8 if mode != 'split' else 4)
    e, m = torch.randn(*energy), torch.randn(*motion)
    assert agg(e, m).shape == out
    # with theta = 0 the attention term vanishes: F_em = F_motion (the residual path)
    assert torch.allclose(zero_value(agg)(e, m), m.flatten(1))


def test_split_attention_by_hand():
    agg = EnergyMotionAggregation(4, 4, token_mode='split', num_tokens=2, scale=False,
                                  bias=False)
    for lin in (agg.query, agg.key, agg.value):
        lin.weight.data = torch.eye(2)
    e = torch.tensor([[1., 0., 0., 1.]])
    m = torch.tensor([[1., 2., 3., 4.]])
    # tokens e1=(1,0), e2=(0,1): logits = identity -> softmax rows (e/(e+1), 1/(e+1))
    a = torch.tensor([[1., 0.], [0., 1.]]).exp()
    a = a / a.sum(1, keepdim=True)
    expected = m.reshape(2, 2) + a @ m.reshape(2, 2)
    assert torch.allclose(agg(e, m), expected.reshape(1, 4))


def test_split_is_batch_independent_and_batch_is_not():
    torch.manual_seed(0)
    e, m = torch.randn(4, 16), torch.randn(4, 16)
    split = EnergyMotionAggregation(16, 16, token_mode='split', num_tokens=4)
    assert torch.allclose(split(e, m)[:1], split(e[:1], m[:1]), atol=1e-6)
    batch = EnergyMotionAggregation(16, 16, token_mode='batch')
    assert not torch.allclose(batch(e, m)[:1], batch(e[:2], m[:2])[:1])


def test_degenerate_settings():
    with pytest.raises(ValueError, match='num_tokens >= 2'):
        EnergyMotionAggregation(16, 16, token_mode='split', num_tokens=1)
    with pytest.raises(ValueError, match='divisible'):
        EnergyMotionAggregation(16, 16, token_mode='split', num_tokens=3)
    batch = EnergyMotionAggregation(16, 16, token_mode='batch')
    with pytest.warns(UserWarning, match='batch size 1'):
        batch(torch.randn(1, 16), torch.randn(1, 16))
