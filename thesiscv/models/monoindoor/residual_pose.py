"""Residual pose estimation (thesis §5.3.3, Eqs. 5.12-5.15; spec §3.4) with CoordConv (§5.3.4).

Stage 0 is Monodepth2's PoseNet: ``M_0 = PoseNet(I_t, I_s)`` (frames in temporal order, the
prediction inverted when the source precedes the target). Each residual stage k = 1..K warps
the source into a *virtual view* ``V_k`` on the target grid with the target depth and the pose
so far, and a residual regressor predicts ``R_k`` from ``(I_t, V_k)``. The final pose is
``M = M_0 R_1 ... R_K``. ``num_iters=0`` is the single-stage Monodepth2 baseline.

``warp_mode='sequential'`` (Eqs. 5.13-5.14) builds ``V_{k+1}`` by resampling ``V_k`` with
``R_k``; the loss image is then ``V_K`` warped with ``R_K``. ``'composed'`` warps the original
source with the composed pose every time (Eq. 5.15). One pose encoder is shared by all stages
(``share_encoder=True``), each stage has its own :class:`PoseDecoder`.

Shapes (N pairs, usually ``B x number of sources``): images ``(N, 3, H, W)`` in [0, 1], depth
``(N, 1, H, W)``, pixel intrinsics ``(N, 4, 4)``, ``invert`` ``(N,)`` bool; poses ``(N, 4, 4)``.
"""
from typing import NamedTuple, Optional, Tuple

import torch
from mmengine.model import BaseModule, ModuleList
from torch import Tensor

from thesiscv.registry import MODELS
from .geometry import inverse_warp
from .pose_ops import compose, params_to_mat

WARP_MODES = ('sequential', 'composed')


class PoseOutput(NamedTuple):
    """What the photometric loss needs from the pose module.

    Attributes:
        pose: the composed target -> source pose ``M`` ``(N, 4, 4)``.
        final_source: the image to warp for the loss (the source, or the last virtual view in
            sequential mode) ``(N, 3, H, W)``.
        final_pose: the pose to warp ``final_source`` with ``(N, 4, 4)``.
        initial_pose: ``M_0`` of stage 0.
    """
    pose: Tensor
    final_source: Tensor
    final_pose: Tensor
    initial_pose: Tensor


@MODELS.register_module()
class ResidualPoseModule(BaseModule):
    """Initial pose plus ``num_iters`` residual refinements.

    Args:
        encoder: pose encoder config (``PoseResNetEncoder`` with ``num_input_images=2``); its
            ``extra_in_channels`` is set to 2 when coordinates are added at the input.
        decoder: pose regressor config (``PoseDecoder``), built once per stage.
        num_iters: residual stages K (0 = Monodepth2's single-stage pose).
        share_encoder: one encoder for all stages (else one per stage).
        warp_mode: ``'sequential'`` or ``'composed'``.
        detach_virtual_view: stop gradients through the virtual views.
        coord_conv: ``dict(type='CoordConvEncoding', position=...)`` or None (no CoordConv).
        padding_mode: ``grid_sample`` padding of the warps.
    """

    def __init__(self, encoder: dict, decoder: dict = dict(type='PoseDecoder'),
                 num_iters: int = 1, share_encoder: bool = True,
                 warp_mode: str = 'sequential', detach_virtual_view: bool = False,
                 coord_conv: Optional[dict] = None, padding_mode: str = 'border',
                 init_cfg: Optional[dict] = None):
        super().__init__(init_cfg)
        if warp_mode not in WARP_MODES:
            raise ValueError(f'warp_mode must be one of {WARP_MODES}, got {warp_mode!r}')
        if num_iters < 0:
            raise ValueError(f'num_iters must be >= 0, got {num_iters}')
        self.num_iters = num_iters
        self.warp_mode = warp_mode
        self.detach_virtual_view = detach_virtual_view
        self.padding_mode = padding_mode
        self.coord_conv = MODELS.build(coord_conv) if coord_conv else None
        at_input = self.coord_conv is not None and self.coord_conv.at_input
        at_features = self.coord_conv is not None and self.coord_conv.at_features
        encoder = dict(encoder, extra_in_channels=2 if at_input else 0)
        num_encoders = 1 if share_encoder else num_iters + 1
        self.encoders = ModuleList(MODELS.build(encoder) for _ in range(num_encoders))
        decoder = dict(decoder, in_channels=self.encoders[0].channels[-1] + 2 * at_features)
        self.decoders = ModuleList(MODELS.build(decoder) for _ in range(num_iters + 1))

    def regress(self, stage: int, first: Tensor, second: Tensor,
                invert: Tensor) -> Tensor:
        """One pose network pass on the frame pair -> ``(N, 4, 4)``."""
        x = torch.cat([first, second], dim=1)
        if self.coord_conv is not None and self.coord_conv.at_input:
            x = self.coord_conv(x)
        feat = self.encoders[min(stage, len(self.encoders) - 1)](x)[-1]
        if self.coord_conv is not None and self.coord_conv.at_features:
            feat = self.coord_conv(feat)
        axisangle, translation = self.decoders[stage](feat)
        return params_to_mat(axisangle, translation, invert)

    def warp(self, image: Tensor, depth: Tensor, pose: Tensor, K: Tensor) -> Tensor:
        view = inverse_warp(image, depth, pose, K, self.padding_mode)[0]
        return view.detach() if self.detach_virtual_view else view

    def forward(self, target_aug: Tensor, source_aug: Tensor, source: Tensor, depth: Tensor,
                K: Tensor, invert: Tensor) -> PoseOutput:
        """Estimate target -> source poses.

        Args:
            target_aug, source_aug: network inputs (colour-augmented frames).
            source: the un-augmented source, from which the loss image is synthesized.
            depth: target depth at full resolution (virtual views).
            K: pixel intrinsics at full resolution.
            invert: True where the source precedes the target in time.
        """
        first = torch.where(invert.view(-1, 1, 1, 1), source_aug, target_aug)
        second = torch.where(invert.view(-1, 1, 1, 1), target_aug, source_aug)
        initial = self.regress(0, first, second, invert)
        if self.num_iters == 0:
            return PoseOutput(initial, source, initial, initial)
        no_invert = torch.zeros_like(invert)
        pose, step = initial, initial
        view_aug, view = source_aug, source
        for k in range(1, self.num_iters + 1):
            if self.warp_mode == 'sequential':
                view_aug, view = self.warp_pair(view_aug, view, depth, step, K)
            else:
                view_aug, view = self.warp_pair(source_aug, source, depth, pose, K)
            step = self.regress(k, target_aug, view_aug, no_invert)
            pose = compose(pose, step)
        if self.warp_mode == 'sequential':
            return PoseOutput(pose, view, step, initial)
        return PoseOutput(pose, source, pose, initial)

    def warp_pair(self, image_aug: Tensor, image: Tensor, depth: Tensor, pose: Tensor,
                  K: Tensor) -> Tuple[Tensor, Tensor]:
        """Warp the augmented (network input) and plain (loss) images with one pose."""
        both = self.warp(torch.cat([image_aug, image]), depth.repeat(2, 1, 1, 1),
                         pose.repeat(2, 1, 1), K.repeat(2, 1, 1))
        return both.chunk(2)
