"""Back-projection, projection and inverse warping (thesis Eqs. 5.2 and 5.4; spec §2.5).

``p_s ~ K M D_t(p_t) K^-1 p_t``: every target pixel is lifted with its depth, moved into the
source camera with the pose ``M`` (target -> source, see :mod:`.pose_ops`) and projected; the
source image is then bilinearly sampled there (``grid_sample`` with ``align_corners=True``,
consistent with the ``(W - 1)`` normalization of pixel coordinates).

Intrinsics travel normalized (``fx/W, fy/H, cx/W, cy/H``) as ``(B, 4, 4)`` matrices and are
scaled to pixels for the resolution at hand with :func:`scale_intrinsics`.
"""
from typing import Tuple

import torch
import torch.nn.functional as F
from torch import Tensor


def scale_intrinsics(norm_K: Tensor, height: int, width: int) -> Tensor:
    """Normalized ``(B, 4, 4)`` intrinsics -> pixel intrinsics for an ``height x width`` image."""
    K = norm_K.clone()
    K[:, 0, :3] = K[:, 0, :3] * width
    K[:, 1, :3] = K[:, 1, :3] * height
    return K


def pixel_grid(height: int, width: int, like: Tensor) -> Tensor:
    """Homogeneous pixel coordinates ``(3, H*W)``: rows ``x`` (column), ``y`` (row), ``1``."""
    ys, xs = torch.meshgrid(torch.arange(height, dtype=like.dtype, device=like.device),
                            torch.arange(width, dtype=like.dtype, device=like.device),
                            indexing='ij')
    return torch.stack([xs.flatten(), ys.flatten(), torch.ones_like(xs).flatten()])


def backproject(depth: Tensor, K: Tensor) -> Tensor:
    """Lift every pixel: ``X = D(p) K^-1 p``.

    Args:
        depth: ``(B, 1, H, W)`` z-depth.
        K: ``(B, 4, 4)`` pixel intrinsics at this resolution.

    Returns:
        ``(B, 4, H*W)`` homogeneous camera points.
    """
    b, _, h, w = depth.shape
    rays = torch.linalg.inv(K[:, :3, :3]) @ pixel_grid(h, w, depth)
    points = rays * depth.view(b, 1, h * w)
    return torch.cat([points, torch.ones_like(points[:, :1])], dim=1)


def project(points: Tensor, K: Tensor, pose: Tensor, eps: float = 1e-7) -> Tuple[Tensor, Tensor]:
    """Project target-frame points into the source camera: ``pi(K M X)``.

    Args:
        points: ``(B, 4, N)`` homogeneous target-frame points.
        K: ``(B, 4, 4)`` pixel intrinsics.
        pose: ``(B, 4, 4)`` target -> source transforms.

    Returns:
        ``(B, 2, N)`` source pixel coordinates ``(x, y)`` and ``(B, 1, N)`` source z-depth.
    """
    cam = (K @ pose)[:, :3] @ points
    z = cam[:, 2:3]
    return cam[:, :2] / (z + eps), z


def pixels_to_grid(pixels: Tensor, height: int, width: int) -> Tensor:
    """``(B, 2, H*W)`` pixel coordinates -> ``(B, H, W, 2)`` ``grid_sample`` grid in [-1, 1]."""
    grid = pixels.view(-1, 2, height, width).permute(0, 2, 3, 1)
    scale = grid.new_tensor([width - 1, height - 1])
    return (grid / scale - 0.5) * 2


def sample(image: Tensor, pixels: Tensor, padding_mode: str = 'border') -> Tuple[Tensor, Tensor]:
    """Bilinearly sample ``image`` ``(B, C, H, W)`` at ``(B, 2, H*W)`` pixel coordinates.

    Returns:
        The sampled ``(B, C, H, W)`` image and a ``(B, 1, H, W)`` float mask of coordinates
        that fall inside the image.
    """
    _, _, h, w = image.shape
    grid = pixels_to_grid(pixels, h, w)
    out = F.grid_sample(image, grid, mode='bilinear', padding_mode=padding_mode,
                        align_corners=True)
    inside = (grid.abs() <= 1).all(dim=-1, keepdim=True).permute(0, 3, 1, 2)
    return out, inside.to(image.dtype)


def inverse_warp(source: Tensor, depth: Tensor, pose: Tensor, K: Tensor,
                 padding_mode: str = 'border') -> Tuple[Tensor, Tensor]:
    """Synthesize the target view from ``source`` (Eq. 5.4: ``I_{t'->t} = I_t'<proj(D_t, M, K)>``).

    Args:
        source: ``(B, C, H, W)`` source image.
        depth: ``(B, 1, H, W)`` target depth.
        pose: ``(B, 4, 4)`` target -> source transforms.
        K: ``(B, 4, 4)`` pixel intrinsics at ``H x W``.

    Returns:
        The warped ``(B, C, H, W)`` image and its ``(B, 1, H, W)`` valid mask (projection inside
        the source image and in front of the camera).
    """
    pixels, z = project(backproject(depth, K), K, pose)
    warped, inside = sample(source, pixels, padding_mode)
    in_front = (z > 0).view_as(inside).to(inside.dtype)
    return warped, inside * in_front
