"""Self-supervised monocular depth model: Monodepth2 and MonoIndoor++ (thesis Ch. 5, Eq. 5.7).

``L = L_A + tau L_s + gamma L_d``: photometric loss on the synthesized target views (minimum
reprojection + auto-masking, averaged over the 4 output scales upsampled to full resolution),
edge-aware smoothness (``/ 2^s`` per scale) and depth consistency (scale 0). The three
MonoIndoor++ modules are switches of the config:

* depth factorization: ``depth_head=FactorizedDepthHead`` + ``scale_net=ScaleTransformer``
  (Monodepth2: ``FixedRangeDepthHead`` and no scale net);
* residual pose: ``pose_module.num_iters >= 1`` (Monodepth2: 0);
* coordinate convolution: ``pose_module.coord_conv`` (Monodepth2: None).

Inputs (from :class:`DepthDataPreprocessor`): ``img``, ``img_aug`` ``(B, F, 3, H, W)`` with
frames in ``frame_ids`` order (target first), ``K`` ``(B, 4, 4)`` normalized intrinsics.
``predict`` writes ``pred_depth`` ``(h, w)`` at the ground truth's (or the input's) size and,
for pose-evaluation samples (metainfo ``with_pose``), ``pred_pose`` ``(F - 1, 4, 4)``.
"""
from typing import Dict, List, Optional, Sequence, Tuple, Union

import torch
import torch.nn.functional as F
from mmengine.model import BaseModel
from mmengine.structures import BaseDataElement
from torch import Tensor

from thesiscv.registry import MODELS
from .geometry import inverse_warp, scale_intrinsics
from .residual_pose import PoseOutput


@MODELS.register_module()
class SelfSupDepthModel(BaseModel):
    """Depth network (+ scale network) and pose module trained by view synthesis.

    Args:
        depth_encoder, depth_decoder: the depth network (``DepthResNetEncoder``,
            ``DepthDecoder``).
        depth_head: ``FixedRangeDepthHead`` or ``FactorizedDepthHead``.
        pose_module: ``ResidualPoseModule`` (``num_iters=0`` for single-stage pose).
        scale_net: ``ScaleTransformer``/``ScaleNet``/``ScaleCNN``; needed by the factorized head.
        photometric_loss, smoothness_loss, consistency_loss: the loss terms (consistency
            optional).
        frame_ids: frame offsets of a training sample, target (0) first.
        input_size: training ``(H, W)``; used by :meth:`dummy_batch`.
        init_depth: depth in metres (relative depth ``d`` with the factorized head) that the
            untrained network predicts, set through the disparity convs' bias in
            :meth:`init_weights`; None keeps PyTorch's default init (sigmoid about 0.5, i.e.
            0.2 m for Monodepth2's 0.1-10 m range: from scratch, warps with depths that far
            off give the photometric loss almost no gradient towards the true depth).
        data_preprocessor: batching config.
    """

    def __init__(self, depth_encoder: dict, depth_decoder: dict, depth_head: dict,
                 pose_module: Optional[dict] = None, scale_net: Optional[dict] = None,
                 photometric_loss: dict = dict(type='PhotometricLoss'),
                 smoothness_loss: dict = dict(type='SmoothnessLoss'),
                 consistency_loss: Optional[dict] = None,
                 frame_ids: Sequence[int] = (0, -1, 1), input_size: Tuple[int, int] = (256, 320),
                 init_depth: Optional[float] = None,
                 data_preprocessor: dict = dict(type='DepthDataPreprocessor'),
                 init_cfg: Optional[dict] = None):
        super().__init__(data_preprocessor=data_preprocessor, init_cfg=init_cfg)
        if frame_ids[0] != 0:
            raise ValueError(f'frame_ids must start with the target frame 0, got {frame_ids}')
        self.depth_encoder = MODELS.build(depth_encoder)
        self.depth_decoder = MODELS.build(
            dict(depth_decoder, in_channels=self.depth_encoder.channels))
        self.depth_head = MODELS.build(depth_head)
        self.scale_net = MODELS.build(scale_net) if scale_net else None
        if self.depth_head.requires_scale != (self.scale_net is not None):
            raise ValueError(f'depth_head {depth_head["type"]} '
                             f'{"needs" if self.depth_head.requires_scale else "takes no"} '
                             'scale_net: use FactorizedDepthHead together with a scale_net, '
                             'FixedRangeDepthHead without one')
        self.pose_module = MODELS.build(pose_module) if pose_module else None
        self.photometric_loss = MODELS.build(photometric_loss)
        self.smoothness_loss = MODELS.build(smoothness_loss)
        self.consistency_loss = MODELS.build(consistency_loss) if consistency_loss else None
        self.frame_ids = tuple(frame_ids)
        self.scales = self.depth_decoder.scales
        self.input_size = tuple(input_size)
        # the decoder's initial sigmoid output (computed now: a depth out of range fails here)
        self.init_sigmoid = (self.depth_head.sigmoid_for(init_depth)
                             if init_depth is not None else None)

    def init_weights(self) -> None:
        super().init_weights()
        if self.init_sigmoid is not None:
            self.depth_decoder.init_output(self.init_sigmoid)

    # ------------------------------------------------------------------ networks
    def depth_forward(self, images: Tensor) -> Dict[str, Union[List[Tensor], Tensor, None]]:
        """``(N, 3, H, W)`` images in [0, 1] -> sigmoid disparities per scale (native size),
        depths per scale upsampled to ``H x W`` ``(N, 1, H, W)``, and the global scale ``(N,)``
        (None without depth factorization)."""
        h, w = images.shape[-2:]
        feats = self.depth_encoder(images)
        disps = self.depth_decoder(feats)
        scale = self.scale_net(feats[-1], images) if self.scale_net is not None else None
        depths = [self.depth_head(F.interpolate(d, (h, w), mode='bilinear', align_corners=False)
                                  if d.shape[-2:] != (h, w) else d, scale) for d in disps]
        return dict(disps=disps, depths=depths, scale=scale)

    def pose_forward(self, img_aug: Tensor, img: Tensor, target_depth: Tensor, K: Tensor,
                     frame_ids: Sequence[int]) -> PoseOutput:
        """Poses of every source; the ``S`` sources are stacked source-major: ``(S*B, ...)``."""
        b, num_frames = img.shape[:2]
        num_sources = num_frames - 1

        def sources(x: Tensor) -> Tensor:
            return x[:, 1:].transpose(0, 1).flatten(0, 1)

        def repeat(x: Tensor) -> Tensor:
            return x.repeat(num_sources, *[1] * (x.dim() - 1))

        invert = torch.tensor([f < 0 for f in frame_ids[1:]], device=img.device)
        return self.pose_module(repeat(img_aug[:, 0]), sources(img_aug), sources(img),
                                repeat(target_depth), repeat(K), invert.repeat_interleave(b))

    def check_frames(self, num_frames: int, frame_ids: Sequence[int]) -> None:
        if len(frame_ids) != num_frames:
            raise ValueError(f'the batch has {num_frames} frames per sample but frame_ids is '
                             f'{tuple(frame_ids)}: make the model\'s frame_ids match the '
                             'data pipeline\'s')

    # ------------------------------------------------------------------ modes
    def forward(self, inputs: dict, data_samples: Optional[list] = None,
                mode: str = 'tensor'):
        if mode == 'loss':
            return self.loss(inputs, data_samples)
        if mode == 'predict':
            return self.predict(inputs, data_samples)
        if mode == 'tensor':
            return self.tensor_forward(inputs)
        raise ValueError(f'Invalid mode {mode!r}: use loss, predict or tensor')

    def loss(self, inputs: dict, data_samples: Optional[list] = None) -> Dict[str, Tensor]:
        """Eq. 5.7 on a batch of frame tuples."""
        img, img_aug = inputs['img'], inputs['img_aug']
        b, num_frames, _, h, w = img.shape
        self.check_frames(num_frames, self.frame_ids)
        if self.pose_module is None or num_frames < 2:
            raise ValueError('training needs a pose_module and at least one source frame')
        K = scale_intrinsics(inputs['K'], h, w)
        num_depth = num_frames if self.consistency_loss is not None else 1
        net = self.depth_forward(img_aug[:, :num_depth].transpose(0, 1).flatten(0, 1))
        depths = [d[:b] for d in net['depths']]
        pose = self.pose_forward(img_aug, img, depths[0], K, self.frame_ids)

        num_sources = num_frames - 1
        target = img[:, 0]
        sources = img[:, 1:].transpose(0, 1)  # (S, B, 3, H, W)
        K_all = K.repeat(num_sources, 1, 1)
        photometric, smoothness = 0, 0
        for scale, depth, disp in zip(self.scales, depths, net['disps']):
            warped = inverse_warp(pose.final_source, depth.repeat(num_sources, 1, 1, 1),
                                  pose.final_pose, K_all, self.pose_module.padding_mode)[0]
            photometric = photometric + self.photometric_loss(
                target, warped.view_as(sources), sources)
            image = F.interpolate(target, disp.shape[-2:], mode='area')
            smoothness = smoothness + self.smoothness_loss(disp[:b], image) / 2**scale
        losses = dict(loss_photometric=photometric / len(self.scales),
                      loss_smoothness=smoothness / len(self.scales))
        if self.consistency_loss is not None:
            losses['loss_consistency'] = self.consistency_loss(
                depths[0].repeat(num_sources, 1, 1, 1), net['depths'][0][b:], pose.pose, K_all)
        if net['scale'] is not None:
            losses['scale'] = net['scale'][:b].mean().detach()
        return losses

    def predict(self, inputs: dict, data_samples: Optional[list] = None) -> list:
        """Depth of the target frame (and poses for ``with_pose`` samples)."""
        img = inputs['img']
        b, num_frames, _, h, w = img.shape
        if data_samples is None:
            data_samples = [BaseDataElement() for _ in range(b)]
        depth = self.depth_forward(img[:, 0])['depths'][0]
        poses = None
        if num_frames > 1 and data_samples[0].metainfo.get('with_pose', False):
            frame_ids = data_samples[0].metainfo.get('frame_ids', self.frame_ids)
            self.check_frames(num_frames, frame_ids)
            K = scale_intrinsics(inputs['K'], h, w)
            poses = self.pose_forward(img, img, depth, K, frame_ids).pose.view(
                num_frames - 1, b, 4, 4)
        for i, sample in enumerate(data_samples):
            size = (sample.gt_depth.shape[-2:] if 'gt_depth' in sample else
                    sample.metainfo.get('ori_shape', (h, w))[:2])
            pred = depth[i:i + 1]
            if tuple(size) != (h, w):
                pred = F.interpolate(pred, size=tuple(size), mode='bilinear',
                                     align_corners=False)
            sample.pred_depth = pred[0, 0]
            if poses is not None:
                sample.pred_pose = poses[:, i]
        return data_samples

    def tensor_forward(self, inputs: dict) -> Dict[str, Tensor]:
        """Raw outputs: target depth ``(B, 1, H, W)``, and source poses ``(B, F-1, 4, 4)`` when
        the batch has source frames and a pose module exists."""
        img = inputs['img']
        b, num_frames, _, h, w = img.shape
        net = self.depth_forward(img[:, 0])
        out = dict(depth=net['depths'][0])
        if self.pose_module is not None and num_frames > 1:
            K = scale_intrinsics(inputs['K'], h, w)
            pose = self.pose_forward(inputs.get('img_aug', img), img, out['depth'], K,
                                     self.frame_ids[:num_frames])
            out['pose'] = pose.pose.view(num_frames - 1, b, 4, 4).transpose(0, 1)
        return out

    def dummy_batch(self, batch_size: int) -> dict:
        """A random training batch of ``input_size`` as the data loader yields it."""
        h, w = self.input_size
        gen = torch.Generator().manual_seed(0)
        K = torch.tensor([[0.8, 0, 0.5, 0], [0, 0.8 * w / h, 0.5, 0],
                          [0, 0, 1, 0], [0, 0, 0, 1]])
        imgs = [torch.randint(0, 256, (len(self.frame_ids), 3, h, w), dtype=torch.uint8,
                              generator=gen) for _ in range(batch_size)]
        return dict(inputs=dict(img=imgs, img_aug=[x.clone() for x in imgs],
                                K=[K.clone() for _ in imgs]),
                    data_samples=[BaseDataElement(metainfo=dict(frame_ids=self.frame_ids))
                                  for _ in imgs])
