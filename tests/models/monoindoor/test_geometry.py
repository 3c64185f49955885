"""Back-projection/projection and inverse warping (Eqs. 5.2, 5.4) on rendered rooms."""
import numpy as np
import pytest
import torch

from thesiscv.datasets.synthetic.indoor_rooms import load_textures, render_sequence
from thesiscv.models.monoindoor.geometry import (backproject, inverse_warp, project, sample,
                                                 scale_intrinsics)


@pytest.fixture(scope='module')
def rooms():
    rng = np.random.default_rng(3)
    return render_sequence(rng, load_textures(rng), num_frames=4, height=64, width=96,
                           room_scale=1.0)


def to_tensors(seq, target, source):
    img = torch.from_numpy(seq['rgb']).permute(0, 3, 1, 2).float() / 255
    depth = torch.from_numpy(seq['depth'])[:, None]
    P = torch.from_numpy(seq['poses'])
    pose = (torch.linalg.inv(P[source]) @ P[target]).float()[None]  # M = P_s^-1 P_t
    K = torch.eye(4)[None]
    K[0, :3, :3] = torch.from_numpy(seq['K']).float()
    return img, depth, pose, K


def test_scale_intrinsics():
    norm = torch.tensor([[[0.8, 0, 0.5, 0], [0, 1.2, 0.5, 0], [0, 0, 1, 0], [0, 0, 0, 1]]])
    K = scale_intrinsics(norm, 64, 96)
    assert torch.allclose(K[0, :3, :3], torch.tensor([[76.8, 0, 48], [0, 76.8, 32], [0, 0, 1]]))


def test_backproject_project_identity():
    torch.manual_seed(0)
    depth = torch.rand(2, 1, 8, 12) * 5 + 0.5
    K = torch.tensor([[9.6, 0, 6, 0], [0, 9.6, 4, 0], [0, 0, 1, 0], [0, 0, 0, 1.]]).repeat(2, 1, 1)
    pixels, z = project(backproject(depth, K), K, torch.eye(4).repeat(2, 1, 1))
    ys, xs = torch.meshgrid(torch.arange(8.), torch.arange(12.), indexing='ij')
    assert torch.allclose(pixels[0, 0], xs.flatten(), atol=1e-4)
    assert torch.allclose(pixels[1, 1], ys.flatten(), atol=1e-4)
    assert torch.allclose(z.view_as(depth), depth, atol=1e-5)


def test_project_known_translation():
    """A point 2 m ahead seen from a camera moved 0.5 m right shifts by fx * 0.5 / 2 px left."""
    depth = torch.full((1, 1, 4, 6), 2.0)
    K = torch.tensor([[[10., 0, 3, 0], [0, 10, 2, 0], [0, 0, 1, 0], [0, 0, 0, 1]]])
    pose = torch.eye(4)[None]
    pose[0, 0, 3] = -0.5  # X_s = X_t - 0.5 (source camera 0.5 m to the right)
    pixels, _ = project(backproject(depth, K), K, pose)
    assert torch.allclose(pixels[0, 0], torch.arange(6.).repeat(4) - 2.5, atol=1e-5)


def test_warp_with_ground_truth_reproduces_target(rooms):
    img, depth, pose, K = to_tensors(rooms, 1, 2)
    warped, valid = inverse_warp(img[2:3], depth[1:2], pose, K)
    # occlusion: the projected depth must match the source's own depth where it lands
    pixels, z = project(backproject(depth[1:2], K), K, pose)
    src_depth, _ = sample(depth[2:3], pixels)
    visible = ((z.view(1, 1, 64, 96) - src_depth).abs() < 0.02 * src_depth) & (valid > 0)
    assert visible.float().mean() > 0.5
    err = (warped - img[1:2]).abs().mean(1, keepdim=True)[visible]
    assert err.mean() < 0.02
    # a perturbed pose makes the synthesized view clearly worse
    bad = pose.clone()
    bad[0, 0, 3] += 0.1
    warped_bad, _ = inverse_warp(img[2:3], depth[1:2], bad, K)
    assert (warped_bad - img[1:2]).abs().mean(1, keepdim=True)[visible].mean() > 2 * err.mean()
