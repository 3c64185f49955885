"""Residual pose module (Eqs. 5.12-5.15): composition, warping modes, CoordConv input."""
import numpy as np
import pytest
import torch

from thesiscv.datasets.synthetic.indoor_rooms import load_textures, render_sequence
from thesiscv.models.monoindoor import ResidualPoseModule
from thesiscv.models.monoindoor.geometry import inverse_warp
from thesiscv.models.monoindoor.pose_ops import params_to_mat
from .test_geometry import to_tensors

ENCODER = dict(type='PoseResNetEncoder', depth=18, num_input_images=2)


def scripted(module, steps):
    """Make ``module.regress`` return the given poses stage by stage (and record inputs)."""
    calls = []

    def regress(stage, first, second, invert):
        calls.append((stage, first, second, invert))
        return steps[stage]

    module.regress = regress
    return calls


def test_composed_pose_is_product_of_steps():
    torch.manual_seed(0)
    steps = [params_to_mat(torch.randn(1, 3) * 0.1, torch.randn(1, 3) * 0.1) for _ in range(3)]
    module = ResidualPoseModule(ENCODER, num_iters=2)
    scripted(module, steps)
    img = torch.rand(1, 3, 32, 32)
    depth = torch.full((1, 1, 32, 32), 2.0)
    K = torch.tensor([[[30., 0, 16, 0], [0, 30, 16, 0], [0, 0, 1, 0], [0, 0, 0, 1]]])
    out = module(img, img, img, depth, K, torch.tensor([False]))
    assert torch.allclose(out.pose, steps[0] @ steps[1] @ steps[2], atol=1e-6)
    assert torch.allclose(out.initial_pose, steps[0])
    assert torch.allclose(out.final_pose, steps[2])  # sequential: last residual warps V_K


def test_initial_stage_uses_temporal_order_and_inversion():
    module = ResidualPoseModule(ENCODER, num_iters=1)
    calls = scripted(module, [torch.eye(4)[None].repeat(2, 1, 1)] * 2)
    target, source = torch.zeros(2, 3, 32, 32), torch.ones(2, 3, 32, 32)
    K = torch.tensor([[[30., 0, 16, 0], [0, 30, 16, 0], [0, 0, 1, 0], [0, 0, 0, 1]]])
    K = K.repeat(2, 1, 1)
    module(target, source, source, torch.ones(2, 1, 32, 32), K, torch.tensor([True, False]))
    stage, first, second, invert = calls[0]
    assert first[0].mean() == 1 and second[0].mean() == 0  # previous frame first, inverted
    assert first[1].mean() == 0 and second[1].mean() == 1
    assert invert.tolist() == [True, False]
    stage, first, second, invert = calls[1]  # residual: (target, virtual view), no inversion
    assert stage == 1 and first.mean() == 0 and not invert.any()


@pytest.fixture(scope='module')
def room():
    rng = np.random.default_rng(5)
    return render_sequence(rng, load_textures(rng), num_frames=3, height=64, width=96,
                           room_scale=1.0)


def test_exact_residual_recovers_ground_truth_and_modes_agree(room):
    """M_0 = M Delta with residual R = Delta^-1: the composed pose is M, and the sequential
    (re-sampled virtual view) and composed warps synthesize nearly the same final view."""
    img, depth, gt, K = to_tensors(room, 0, 1)
    delta = params_to_mat(torch.tensor([[0.0, 0.03, 0.0]]), torch.tensor([[0.02, 0.0, 0.0]]))
    steps = [gt @ delta, torch.linalg.inv(delta)]
    views = {}
    for mode in ('sequential', 'composed'):
        module = ResidualPoseModule(ENCODER, num_iters=1, warp_mode=mode)
        scripted(module, steps)
        out = module(img[:1], img[1:2], img[1:2], depth[:1], K, torch.tensor([False]))
        assert torch.allclose(out.pose, gt, atol=1e-5)
        views[mode], valid = inverse_warp(out.final_source, depth[:1], out.final_pose, K)
    truth, _ = inverse_warp(img[1:2], depth[:1], gt, K)
    inner = (slice(None), slice(None), slice(8, -8), slice(8, -8))
    assert (views['composed'] - truth)[inner].abs().max() < 1e-4
    assert (views['sequential'] - views['composed'])[inner].abs().mean() < 0.03


def test_coord_conv_input_channels_and_features():
    module = ResidualPoseModule(ENCODER, num_iters=0,
                                coord_conv=dict(type='CoordConvEncoding', position='input'))
    assert module.encoders[0].encoder.resnet.conv1.in_channels == 8
    module = ResidualPoseModule(ENCODER, num_iters=0,
                                coord_conv=dict(type='CoordConvEncoding',
                                                position='input+features'))
    assert module.decoders[0].net[0].in_channels == 514
    img = torch.rand(2, 3, 64, 64)
    out = module(img, img, img, torch.ones(2, 1, 64, 64), torch.eye(4).repeat(2, 1, 1),
                 torch.tensor([False, True]))
    assert out.pose.shape == (2, 4, 4) and torch.isfinite(out.pose).all()


def test_pose_decoder_translation_scale_multiplies_the_translation_only():
    from thesiscv.models.monoindoor import PoseDecoder
    torch.manual_seed(0)
    feat = torch.randn(2, 64, 2, 3)
    same = PoseDecoder(in_channels=64, channels=16)
    wide = PoseDecoder(in_channels=64, channels=16, translation_scale=0.1)
    wide.load_state_dict(same.state_dict())
    (rot, trans), (rot_wide, trans_wide) = same(feat), wide(feat)
    assert torch.equal(rot, rot_wide)
    assert torch.allclose(trans_wide, 10 * trans, rtol=1e-5, atol=0)
    assert trans.abs().max() > 0
