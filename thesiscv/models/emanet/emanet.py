"""EMA-Net, the Energy-Motion features Aggregation Network (thesis Ch. 2, Fig. 2.1, spec §2.6-2.9).

::

    energy (B, C, S, S) --extractor--> F_energy (B, D_e)
    masks (B, n, C, S, S) --extractor (shared)--> (B, n, D) --motion module--> F_motion (B, D_t)
    aggregator(F_energy, F_motion) -> F_em (B, D_flat) --cls_head--> logits (B, C)

Every row of Table 2.9 is a config of this class: ``use_motion=False`` (energy only, the
baseline of Li et al.), ``use_energy=False`` (motion only), an LSTM / GRU motion module with
:class:`NaiveFusion`, the transformer with naive fusion, and the full model with
:class:`EnergyMotionAggregation`.
"""
import copy
from typing import Dict, List, Optional, Union

import torch
from mmaction.structures import ActionDataSample
from mmengine.model import BaseModel

from thesiscv.registry import MODELS

FREEZE = ('none', 'masks', 'all')


@MODELS.register_module()
class EMANet(BaseModel):
    """The EMA-Net recognizer.

    Args:
        extractor: the self-attentive feature extractor (ViT) config.
        cls_head: :class:`EMAClsHead` config.
        motion_module: motion module config (``use_motion``).
        aggregator: fusion config (needed when both branches are used).
        use_energy, use_motion: the branches to use (Table 2.9).
        share_extractor: one extractor for the energy image and the masks (thesis); False
            gives the masks their own copy.
        freeze_extractor: ``'none'``, ``'masks'`` (no gradient through the mask pass) or
            ``'all'``.
        num_frames: n, frames per sample (for :meth:`dummy_batch`).
        data_preprocessor: :class:`EMADataPreprocessor` config.
    """

    def __init__(self, extractor: dict, cls_head: dict, motion_module: Optional[dict] = None,
                 aggregator: Optional[dict] = None, use_energy: bool = True,
                 use_motion: bool = True, share_extractor: bool = True,
                 freeze_extractor: str = 'none', num_frames: int = 16,
                 data_preprocessor: Optional[dict] = None, init_cfg: Optional[dict] = None):
        super().__init__(data_preprocessor=data_preprocessor or dict(type='EMADataPreprocessor'),
                         init_cfg=init_cfg)
        if not (use_energy or use_motion):
            raise ValueError('EMANet needs at least one of use_energy and use_motion')
        if freeze_extractor not in FREEZE:
            raise ValueError(f'freeze_extractor must be one of {FREEZE}, got '
                             f'{freeze_extractor!r}')
        if use_motion and motion_module is None:
            raise KeyError('EMANet(use_motion=True) needs a motion_module config')
        if use_energy and use_motion and aggregator is None:
            raise KeyError('EMANet with both branches needs an aggregator config '
                           '(EnergyMotionAggregation or NaiveFusion)')
        self.use_energy, self.use_motion = use_energy, use_motion
        self.freeze_extractor, self.num_frames = freeze_extractor, num_frames
        self.extractor = MODELS.build(extractor)
        self.mask_extractor = (self.extractor if share_extractor
                               else MODELS.build(copy.deepcopy(extractor)))
        self.motion_module = MODELS.build(motion_module) if use_motion else None
        self.aggregator = MODELS.build(aggregator) if use_energy and use_motion else None
        self.cls_head = MODELS.build(cls_head)
        out_dims = (self.aggregator.out_dims if self.aggregator is not None
                    else self.motion_module.out_dims if use_motion else self.extractor.out_dim)
        if out_dims != self.cls_head.in_channels:
            raise ValueError(f'cls_head.in_channels is {self.cls_head.in_channels} but the fused '
                             f'feature has {out_dims} channels')
        if use_motion and (self.motion_module.pool == 'none') != (
                self.aggregator is not None and self.aggregator.needs_motion_tokens):
            raise ValueError('motion_module.pool="none" goes with (and only with) '
                             'EnergyMotionAggregation(token_mode="sequence")')
        if freeze_extractor == 'all':
            for p in list(self.extractor.parameters()) + list(self.mask_extractor.parameters()):
                p.requires_grad_(False)

    def _energy_feature(self, energy: torch.Tensor) -> torch.Tensor:
        if self.aggregator is not None and self.aggregator.needs_energy_tokens:
            return self.extractor(energy, return_tokens=True)[1]
        return self.extractor(energy)

    def _frame_features(self, masks: torch.Tensor) -> torch.Tensor:
        b, n = masks.shape[:2]
        with torch.set_grad_enabled(torch.is_grad_enabled() and self.freeze_extractor == 'none'):
            feats = self.mask_extractor(masks.flatten(0, 1))
        return feats.reshape(b, n, -1)

    def extract_feat(self, inputs: Dict[str, torch.Tensor]) -> torch.Tensor:
        """``dict(energy (B, C, S, S), masks (B, n, C, S, S))`` -> fused feature ``(B, D)``."""
        energy = self._energy_feature(inputs['energy']) if self.use_energy else None
        motion = (self.motion_module(self._frame_features(inputs['masks']))
                  if self.use_motion else None)
        if self.aggregator is not None:
            return self.aggregator(energy, motion)
        return energy if motion is None else motion

    def forward(self, inputs: Dict[str, torch.Tensor],
                data_samples: Optional[List[ActionDataSample]] = None,
                mode: str = 'tensor') -> Union[Dict, List, torch.Tensor]:
        """``mode='loss'``: losses; ``'predict'``: data samples with ``pred_score``;
        ``'tensor'``: logits ``(B, C)``."""
        feats = self.extract_feat(inputs)
        if mode == 'loss':
            return self.cls_head.loss(feats, data_samples)
        if mode == 'predict':
            return self.cls_head.predict(feats, data_samples)
        if mode == 'tensor':
            return self.cls_head(feats)
        raise ValueError(f'EMANet: invalid mode {mode!r} (loss, predict or tensor)')

    def dummy_batch(self, batch_size: int) -> dict:
        """A random batch shaped as the data pipeline yields it (for benchmarks)."""
        size = self.extractor.img_size
        samples = [ActionDataSample().set_gt_label(i % self.cls_head.num_classes)
                   for i in range(batch_size)]
        return dict(inputs=dict(
            energy=[torch.rand(1, size, size) for _ in range(batch_size)],
            masks=[(torch.rand(self.num_frames, 1, size, size) > 0.5).float()
                   for _ in range(batch_size)]), data_samples=samples)
