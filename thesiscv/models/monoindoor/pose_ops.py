"""Rigid-motion helpers for the pose networks (spec §2.2, §2.4) and pose composition (Eq. 5.15).

Convention: a pose ``M`` is a ``(B, 4, 4)`` matrix that maps 3-D points in the *target* camera
frame to the *source* camera frame, ``X_s = M X_t`` (the thesis's ``T_{t->t'}``).
"""
from typing import Union

import torch
from torch import Tensor


def rot_from_axisangle(axisangle: Tensor) -> Tensor:
    """Rodrigues' formula: axis-angle ``r`` ``(B, 3)`` -> homogeneous rotation ``(B, 4, 4)``.

    ``R = I + sin(t)/t [r]_x + (1 - cos(t))/t^2 [r]_x^2`` with ``t = |r|``: Monodepth2's
    parameterization (angle ``|r|``, axis ``r / |r|``), written in ``[r]_x`` so that its
    gradient at ``r = 0`` is the true one (``dR = [dr]_x``); the angle/axis form has a zero
    gradient there, which would freeze a pose regressor whose output starts at exactly zero.
    Below ``t = 1e-4`` the coefficients are their Taylor expansions.
    """
    theta2 = (axisangle ** 2).sum(-1)[:, None, None]
    small = theta2 < 1e-8
    safe2 = torch.where(small, torch.ones_like(theta2), theta2)
    theta = safe2.sqrt()
    coef_1 = torch.where(small, 1 - theta2 / 6, torch.sin(theta) / theta)
    coef_2 = torch.where(small, 0.5 - theta2 / 24, (1 - torch.cos(theta)) / safe2)
    x, y, z = axisangle.unbind(-1)
    zero = torch.zeros_like(x)
    skew = torch.stack([zero, -z, y, z, zero, -x, -y, x, zero], dim=-1).view(-1, 3, 3)
    eye = torch.eye(3, dtype=axisangle.dtype, device=axisangle.device)
    rot = eye + coef_1 * skew + coef_2 * skew @ skew
    out = torch.zeros(axisangle.shape[0], 4, 4, dtype=axisangle.dtype, device=axisangle.device)
    out[:, :3, :3] = rot
    out[:, 3, 3] = 1
    return out


def translation_matrix(translation: Tensor) -> Tensor:
    """``(B, 3)`` -> ``(B, 4, 4)`` homogeneous translation."""
    out = torch.eye(4, dtype=translation.dtype, device=translation.device).repeat(
        translation.shape[0], 1, 1)
    out[:, :3, 3] = translation
    return out


def params_to_mat(axisangle: Tensor, translation: Tensor,
                  invert: Union[bool, Tensor] = False) -> Tensor:
    """Pose-network output -> ``M``: ``T(t) R(r)``, or ``R(r)^T T(-t)`` where ``invert``.

    Args:
        axisangle: ``(B, 3)`` axis-angle rotation.
        translation: ``(B, 3)`` translation.
        invert: a bool for the whole batch or a ``(B,)`` bool tensor per sample (Monodepth2
            inverts the prediction when the source frame precedes the target).

    Returns:
        ``(B, 4, 4)`` poses.
    """
    rot = rot_from_axisangle(axisangle)
    forward = translation_matrix(translation) @ rot
    if isinstance(invert, bool):
        return rot.transpose(1, 2) @ translation_matrix(-translation) if invert else forward
    inverse = rot.transpose(1, 2) @ translation_matrix(-translation)
    return torch.where(invert.view(-1, 1, 1), inverse, forward)


def invert_pose(pose: Tensor) -> Tensor:
    """Inverse of rigid transforms ``(B, 4, 4)``: ``[R^T | -R^T t]``."""
    rot_t = pose[:, :3, :3].transpose(1, 2)
    out = torch.zeros_like(pose)
    out[:, :3, :3] = rot_t
    out[:, :3, 3] = -(rot_t @ pose[:, :3, 3:4]).squeeze(-1)
    out[:, 3, 3] = 1
    return out


def compose(*poses: Tensor) -> Tensor:
    """Matrix product ``poses[0] @ poses[1] @ ...`` (Eq. 5.15: ``M = M_0 R_1 ... R_K``)."""
    out = poses[0]
    for pose in poses[1:]:
        out = out @ pose
    return out
