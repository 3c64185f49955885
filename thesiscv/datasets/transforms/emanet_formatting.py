"""Pack EMA-Net inputs (spec §6.2 ``PackEMAInputs``).

``inputs = dict(energy=Tensor(1, S, S), masks=Tensor(n, 1, S, S))`` in [0, 1] and an
:class:`~mmaction.structures.ActionDataSample` with ``gt_label`` and the sample's meta keys.
"""
from typing import Sequence

import numpy as np
import torch
from mmaction.structures import ActionDataSample
from mmcv.transforms import BaseTransform

from thesiscv.registry import TRANSFORMS

from ..soccer import sample_file_name


@TRANSFORMS.register_module()
class PackEMAInputs(BaseTransform):
    """Format the energy image and masks as tensors plus a data sample.

    Args:
        meta_keys: keys copied into the data sample's meta (``name`` is added: the sample's
            file-system name, used for pictures).
    """

    def __init__(self, meta_keys: Sequence[str] = ('sample_id', 'clip_id', 'label_name',
                                                   'frame_inds')):
        self.meta_keys = tuple(meta_keys)

    def transform(self, results: dict) -> dict:
        energy = torch.from_numpy(np.asarray(results['energy'], np.float32))[None]
        masks = torch.from_numpy(np.asarray(results['masks'], np.float32))[:, None]
        sample = ActionDataSample()
        if results.get('label') is not None:
            sample.set_gt_label(int(results['label']))
        meta = {k: results[k] for k in self.meta_keys if k in results}
        if 'sample_id' in results:
            meta['name'] = sample_file_name(results['sample_id'])
        sample.set_metainfo(meta)
        return dict(inputs=dict(energy=energy, masks=masks), data_samples=sample)
