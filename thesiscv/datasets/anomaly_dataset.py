"""Base of the image-file anomaly data sets (MVTec-AD, UCSD Ped): clear errors, no silent skips.

A missing data root fails at construction with the path and how to get the data; a sample
whose image or mask cannot be read fails with that file's path (mmengine's own dataset would
raise a bare assertion from deep inside the pipeline, or in training silently draw another
sample).
"""
import os.path as osp
from typing import Any

import cv2
from mmengine.dataset import BaseDataset


class AnomalyImageDataset(BaseDataset):
    """``BaseDataset`` with a data-root check and file-naming pipeline errors.

    Subclasses set ``DATA_HINT`` (where the data come from) and implement ``load_data_list``
    returning dicts with ``img_path`` (and ``mask_path``, ``gt_label``, ...).
    """
    DATA_HINT = ''

    def __init__(self, data_root: str, **kwargs: Any):
        if not osp.isdir(data_root):
            raise FileNotFoundError(f'{type(self).__name__}: data root {data_root} does not '
                                    f'exist. {self.DATA_HINT}')
        super().__init__(data_root=data_root, **kwargs)

    def prepare_data(self, idx: int) -> Any:
        info = self.get_data_info(idx)
        try:
            return self.pipeline(info)
        except (AssertionError, OSError, cv2.error) as err:
            files = ', '.join(str(info[k]) for k in ('img_path', 'mask_path') if info.get(k))
            raise RuntimeError(f'{type(self).__name__}: cannot load sample {idx} ({files}): '
                               f'{err}. Replace the file or re-generate the data set.') from err
