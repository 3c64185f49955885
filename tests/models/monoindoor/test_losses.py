"""Photometric (Eq. 5.3, min reprojection, auto-mask), smoothness (Eq. 5.5) and depth
consistency (Eq. 5.6) losses."""
import numpy as np
import pytest
import torch

from thesiscv.datasets.synthetic.indoor_rooms import load_textures, render_sequence
from thesiscv.models.monoindoor import (SSIM, DepthConsistencyLoss, PhotometricLoss,
                                        SmoothnessLoss)
from .test_geometry import to_tensors


def test_ssim_and_l1_terms():
    torch.manual_seed(0)
    x = torch.rand(1, 3, 8, 8)
    assert SSIM()(x, x).abs().max() < 1e-6
    loss = PhotometricLoss(automask=False)
    err = loss.reprojection_error(x + 0.1, x)  # SSIM is shift-sensitive only via the means
    ssim = SSIM()(x + 0.1, x).mean(1)
    assert torch.allclose(err, 0.85 * ssim + 0.15 * 0.1, atol=1e-6)


def test_min_reprojection_and_automask():
    target = torch.zeros(1, 3, 4, 4)
    good, bad = torch.zeros(1, 1, 3, 4, 4), torch.full((1, 1, 3, 4, 4), 0.5)
    warped = torch.cat([bad, good])  # (S=2, B, C, H, W)
    loss = PhotometricLoss(automask=False)
    assert loss(target, warped) == 0  # per-pixel minimum picks the good source
    assert PhotometricLoss(min_reprojection=False, automask=False)(target, warped) > 0
    static = torch.zeros(2, 1, 3, 4, 4)  # un-warped sources equal the target
    masked = PhotometricLoss(automask=True)
    per_pixel, mask = masked.per_pixel(target, torch.cat([bad, bad]), static)
    assert not mask.any() and per_pixel.abs().max() < 1e-4  # identity wins everywhere


def test_smoothness_edge_aware():
    loss = SmoothnessLoss(loss_weight=1.0)
    flat_img = torch.zeros(1, 3, 2, 3)
    disp = torch.tensor([[[[1.0, 2.0, 3.0]] * 2]])  # mean 2: normalized x-gradients 0.5
    assert torch.isclose(loss(disp, flat_img), torch.tensor(0.5))
    edges = torch.tensor([[[[0.0, 1.0, 2.0]] * 2]]).expand(1, 3, 2, 3)  # image gradient 1
    assert torch.isclose(loss(disp, edges), torch.tensor(0.5 * np.exp(-1.0), dtype=torch.float32))
    assert loss(torch.ones(1, 1, 4, 4), torch.rand(1, 3, 4, 4)) == 0


@pytest.mark.parametrize('formulation', ['thesis', 'sc_sfm'])
def test_depth_consistency_near_zero_with_ground_truth(formulation):
    rng = np.random.default_rng(7)
    seq = render_sequence(rng, load_textures(rng), 2, 64, 96, 1.0)
    img, depth, pose, K = to_tensors(seq, 0, 1)
    loss = DepthConsistencyLoss(loss_weight=1.0, formulation=formulation)
    exact = loss(depth[:1], depth[1:2], pose, K)
    wrong = loss(depth[:1], depth[1:2] * 1.5, pose, K)
    assert exact < 0.03 and wrong > 0.15  # |D - D~| / (D + D~) = 0.2 for a 1.5x error
