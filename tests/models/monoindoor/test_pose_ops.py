"""Rodrigues, pose parameterization, inversion and composition (spec §2.4, Eq. 5.15)."""
import math

import torch

from thesiscv.models.monoindoor.pose_ops import (compose, invert_pose, params_to_mat,
                                                 rot_from_axisangle)


def test_rodrigues_about_z_matches_closed_form():
    angle = math.radians(30)
    R = rot_from_axisangle(torch.tensor([[0, 0, angle]]))[0]
    expected = torch.tensor([[math.cos(angle), -math.sin(angle), 0],
                             [math.sin(angle), math.cos(angle), 0], [0, 0, 1]])
    assert torch.allclose(R[:3, :3], expected, atol=1e-6)
    assert torch.allclose(R[3], torch.tensor([0., 0, 0, 1]))


def test_params_to_mat_translation_after_rotation_and_inverse():
    torch.manual_seed(0)
    axisangle, t = torch.randn(5, 3) * 0.3, torch.randn(5, 3)
    M = params_to_mat(axisangle, t)
    assert torch.allclose(M[:, :3, 3], t)  # T(t) R: translation is applied after rotation
    M_inv = params_to_mat(axisangle, t, invert=True)
    eye = torch.eye(4).expand(5, 4, 4)
    assert torch.allclose(M @ M_inv, eye, atol=1e-5)
    assert torch.allclose(invert_pose(M), M_inv, atol=1e-5)
    mixed = params_to_mat(axisangle, t, invert=torch.tensor([True, False, True, False, False]))
    assert torch.allclose(mixed[0], M_inv[0]) and torch.allclose(mixed[1], M[1])


def test_compose_is_matrix_product_order():
    torch.manual_seed(1)
    a, b, c = (params_to_mat(torch.randn(1, 3) * 0.2, torch.randn(1, 3)) for _ in range(3))
    assert torch.allclose(compose(a, b, c), a @ b @ c)
    assert not torch.allclose(compose(a, b), compose(b, a), atol=1e-3)


def test_rodrigues_is_orthonormal_and_has_the_true_gradient_at_zero():
    torch.manual_seed(2)
    r = torch.cat([torch.randn(6, 3) * 0.5, torch.randn(2, 3) * 1e-6])
    R = rot_from_axisangle(r)[:, :3, :3]
    assert torch.allclose(R @ R.transpose(1, 2), torch.eye(3).expand(8, 3, 3), atol=1e-6)
    angle = torch.rad2deg(torch.arccos(((R.diagonal(dim1=1, dim2=2).sum(-1) - 1) / 2)))
    assert torch.allclose(angle[:6], torch.rad2deg(r[:6].norm(dim=1)), atol=1e-2)
    # dR/dr at r = 0 is the skew generator: d R[2, 1] / d r_x = 1, d R[1, 2] / d r_x = -1 ...
    jac = torch.autograd.functional.jacobian(
        lambda v: rot_from_axisangle(v[None])[0, :3, :3], torch.zeros(3))
    generators = torch.tensor([[[0., 0, 0], [0, 0, -1], [0, 1, 0]],
                               [[0., 0, 1], [0, 0, 0], [-1, 0, 0]],
                               [[0., -1, 0], [1, 0, 0], [0, 0, 0]]])
    assert torch.allclose(jac.permute(2, 0, 1), generators)
