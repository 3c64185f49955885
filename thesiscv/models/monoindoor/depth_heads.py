"""Sigmoid output -> depth: fixed range (Eq. 5.8, Monodepth2) or factorized (§5.3.2).

``FixedRangeDepthHead``: ``D = 1 / (b + a sigma)`` with ``a = 1/min_depth - 1/max_depth`` and
``b = 1/max_depth`` (the Monodepth2 reading of Eq. 5.8; spec §8 item 1).

``FactorizedDepthHead`` (depth factorization): the same mapping gives a *relative* depth
``d`` in ``[rel_min_depth, rel_max_depth]`` and the depth is ``D = S d`` with the per-image
global scale ``S`` of the scale network (spec §3.3.1).

Shapes: sigmoid ``(B, 1, H, W)``, scale ``(B,)`` -> depth ``(B, 1, H, W)``.
"""
from typing import Optional

from torch import Tensor, nn

from thesiscv.registry import MODELS


@MODELS.register_module()
class FixedRangeDepthHead(nn.Module):
    """Monodepth2's disparity-to-depth mapping over ``[min_depth, max_depth]`` metres."""
    requires_scale = False

    def __init__(self, min_depth: float = 0.1, max_depth: float = 10.0):
        super().__init__()
        if not 0 < min_depth < max_depth:
            raise ValueError(f'need 0 < min_depth < max_depth, got {min_depth}, {max_depth}')
        self.min_depth, self.max_depth = min_depth, max_depth

    def forward(self, sigmoid: Tensor, scale: Optional[Tensor] = None) -> Tensor:
        min_disp, max_disp = 1 / self.max_depth, 1 / self.min_depth
        return 1 / (min_disp + (max_disp - min_disp) * sigmoid)

    def sigmoid_for(self, depth: float) -> float:
        """The sigmoid value that this head maps to ``depth`` (relative depth ``d`` for the
        factorized head): the inverse of :meth:`forward` without a scale."""
        if not self.min_depth < depth < self.max_depth:
            raise ValueError(f'depth {depth} lies outside the head\'s range '
                             f'({self.min_depth}, {self.max_depth})')
        min_disp, max_disp = 1 / self.max_depth, 1 / self.min_depth
        return (1 / depth - min_disp) / (max_disp - min_disp)


@MODELS.register_module()
class FactorizedDepthHead(FixedRangeDepthHead):
    """``D = S * d`` with relative depth ``d`` in ``[rel_min_depth, rel_max_depth]``."""
    requires_scale = True

    def __init__(self, rel_min_depth: float = 0.01, rel_max_depth: float = 1.0):
        super().__init__(rel_min_depth, rel_max_depth)

    def forward(self, sigmoid: Tensor, scale: Optional[Tensor] = None) -> Tensor:
        if scale is None:
            raise ValueError('FactorizedDepthHead needs the global scale S of a scale_net')
        return scale.view(-1, 1, 1, 1) * super().forward(sigmoid)
