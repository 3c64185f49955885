"""Depth-consistency loss between the target depth and the warped source depth (thesis Eq. 5.6;
SC-SfMLearner; construction of spec §3.2).

For every target pixel p: ``X_s = M D_t(p) K^-1 p``, ``p' = pi(K X_s)``; the source depth is
sampled there, ``D_{s->t}(p) = D_s<p'>``.

* ``formulation='thesis'``: lift it back, ``Y_t = M^-1 D_{s->t}(p) K^-1 p'``, and compare
  ``D~ = z(Y_t)`` with ``D_t(p)``: ``|D_t - D~| / (D_t + D~)``.
* ``formulation='sc_sfm'``: compare the computed depth ``z(X_s)`` with ``D_{s->t}(p)``.

The loss is the mean over pixels with ``p'`` inside the source image (and over sources).
Shapes: depths ``(N, 1, H, W)``, pose ``(N, 4, 4)``, pixel intrinsics ``(N, 4, 4)`` -> scalar.
"""
import torch
from torch import Tensor, nn

from thesiscv.registry import MODELS
from ..geometry import backproject, project, sample
from ..pose_ops import invert_pose

FORMULATIONS = ('thesis', 'sc_sfm')


@MODELS.register_module()
class DepthConsistencyLoss(nn.Module):
    """Normalized difference of target depth and warped source depth.

    Args:
        loss_weight: gamma (0.035 on NYUv2/ScanNet/7-Scenes, 0.1 on EuRoC).
        formulation: ``'thesis'`` or ``'sc_sfm'``.
    """

    def __init__(self, loss_weight: float = 0.035, formulation: str = 'thesis'):
        super().__init__()
        if formulation not in FORMULATIONS:
            raise ValueError(f'formulation must be one of {FORMULATIONS}, got {formulation!r}')
        self.loss_weight = loss_weight
        self.formulation = formulation

    def forward(self, depth_target: Tensor, depth_source: Tensor, pose: Tensor,
                K: Tensor) -> Tensor:
        n, _, h, w = depth_target.shape
        pixels, z = project(backproject(depth_target, K), K, pose)
        sampled, valid = sample(depth_source, pixels, padding_mode='zeros')
        sampled = sampled.view(n, 1, -1)
        valid = valid.view(n, 1, -1) * (z > 0)
        if self.formulation == 'sc_sfm':
            ref, other = z, sampled
        else:
            homog = torch.cat([pixels, torch.ones_like(z)], dim=1)
            rays = torch.linalg.inv(K[:, :3, :3]) @ homog
            points = torch.cat([rays * sampled, torch.ones_like(z)], dim=1)
            ref = depth_target.view(n, 1, -1)
            other = (invert_pose(pose)[:, :3] @ points)[:, 2:3]
        # invalid pixels can hold zero or negative depths: keep their (masked) terms finite
        diff = (ref - other).abs() / (ref + other).abs().clamp(min=1e-3)
        return self.loss_weight * (diff * valid).sum() / valid.sum().clamp(min=1)
