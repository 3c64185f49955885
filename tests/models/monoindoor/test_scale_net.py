"""Depth factorization: probabilistic scale head (Eq. 5.11), relative-position attention
(Eqs. 5.9-5.10), the scale networks of Table 5.9 and the depth heads (Eq. 5.8)."""
import pytest
import torch

from thesiscv.models.monoindoor import (DirectScaleHead, FactorizedDepthHead, FixedRangeDepthHead,
                                        ProbabilisticScaleHead, RelPosSelfAttention2d, ScaleCNN,
                                        ScaleNet, ScaleTransformer)


def test_probabilistic_head_expectation():
    head = ProbabilisticScaleHead(in_channels=4, max_scale=10.0)
    assert head.bins.tolist() == list(range(11))  # s = 0, 1, ..., D_max
    uniform = torch.zeros(1, 11)
    assert torch.allclose(head.expectation(uniform), torch.tensor([5.0]))  # D_max / 2
    one_hot = torch.full((2, 11), -1e4)
    one_hot[0, 3], one_hot[1, 0] = 0, 0
    assert torch.allclose(head.expectation(one_hot), torch.tensor([3.0, 1e-3]))  # clamped


def test_scale_heads_bounded_with_finite_gradients():
    torch.manual_seed(0)
    x = (torch.randn(16, 8) * 100).requires_grad_()
    for head in (ProbabilisticScaleHead(8, max_scale=20.0), DirectScaleHead(8, max_scale=20.0)):
        s = head(x)
        assert s.shape == (16,) and (s >= 1e-3).all() and (s <= 20).all()
        s.sum().backward()
        assert torch.isfinite(x.grad).all()


def test_rel_pos_attention_identity_at_init_and_logits():
    torch.manual_seed(0)
    attn = RelPosSelfAttention2d(in_channels=16, dim=8, feat_size=(3, 4))
    x = torch.randn(2, 16, 3, 4)
    assert torch.equal(attn(x), x)  # zero-initialized output conv
    q = torch.randn(2, 3, 4, 8)
    logits = attn.relative_logits(q)
    # brute force: logit(p, q) = Q_p . r^H[y_q - y_p] + Q_p . r^W[x_q - x_p]
    p, k = (1, 2), (2, 0)
    expected = (q[:, p[0], p[1]] @ attn.rel_h[k[0] - p[0] + 2]
                + q[:, p[0], p[1]] @ attn.rel_w[k[1] - p[1] + 3])
    assert torch.allclose(logits[:, p[0] * 4 + p[1], k[0] * 4 + k[1]], expected, atol=1e-5)
    with pytest.raises(ValueError, match='feat_size'):
        attn.relative_logits(torch.randn(1, 4, 4, 8))


@pytest.mark.parametrize('cls', [ScaleTransformer, ScaleNet, ScaleCNN])
def test_scale_networks_output_positive_scales(cls):
    torch.manual_seed(0)
    net = cls(feat_size=(2, 3), head=dict(type='ProbabilisticScaleHead', max_scale=10.0)).eval()
    s = net(torch.randn(2, 512, 2, 3), torch.rand(2, 3, 64, 96))
    assert s.shape == (2,) and (s > 0).all() and (s <= 10).all()


def test_depth_heads():
    sigmoid = torch.tensor([0.0, 1.0]).view(2, 1, 1, 1)
    fixed = FixedRangeDepthHead(min_depth=0.1, max_depth=10.0)
    assert torch.allclose(fixed(sigmoid).flatten(), torch.tensor([10.0, 0.1]))
    factorized = FactorizedDepthHead(rel_min_depth=0.01, rel_max_depth=1.0)
    depth = factorized(sigmoid, torch.tensor([4.0, 4.0]))
    assert torch.allclose(depth.flatten(), torch.tensor([4.0, 0.04]))  # D = S d, d in [0.01, 1]
    with pytest.raises(ValueError, match='scale'):
        factorized(sigmoid)


def test_sigmoid_for_inverts_the_heads():
    fixed = FixedRangeDepthHead(min_depth=0.1, max_depth=10.0)
    s = fixed.sigmoid_for(2.5)
    assert fixed(torch.full((1, 1, 1, 1), s)).item() == pytest.approx(2.5)
    factorized = FactorizedDepthHead(rel_min_depth=0.01, rel_max_depth=1.0)
    s = factorized.sigmoid_for(0.5)
    assert factorized(torch.full((1, 1, 1, 1), s), torch.tensor([3.0])).item() == pytest.approx(1.5)
    with pytest.raises(ValueError, match='outside'):
        fixed.sigmoid_for(20.0)


@pytest.mark.parametrize('init_depth', [None, 2.5])
def test_init_depth_sets_the_untrained_prediction(init_depth):
    from thesiscv.models.monoindoor import DepthDecoder, MonoResNetEncoder
    from thesiscv.registry import MODELS
    torch.manual_seed(0)
    model = MODELS.build(dict(
        type='SelfSupDepthModel', init_depth=init_depth,
        depth_encoder=dict(type='DepthResNetEncoder', depth=18),
        depth_decoder=dict(type='DepthDecoder', scales=(0,)),
        depth_head=dict(type='FixedRangeDepthHead', min_depth=0.1, max_depth=10.0),
        pose_module=dict(type='ResidualPoseModule', num_iters=0,
                         encoder=dict(type='PoseResNetEncoder', num_input_images=2)),
        input_size=(64, 96)))
    assert isinstance(model.depth_decoder, DepthDecoder)
    assert isinstance(model.depth_encoder, MonoResNetEncoder)
    model.init_weights()
    with torch.no_grad():
        depth = model.depth_forward(torch.rand(2, 3, 64, 96))['depths'][0]
    expected = 2.5 if init_depth else 0.2  # default init: sigmoid ~0.5 -> 1 / (0.1 + 9.9 / 2)
    assert depth.median().item() == pytest.approx(expected, rel=0.15)
