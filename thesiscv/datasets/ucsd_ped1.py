"""UCSD Anomaly Detection Dataset (Ped1/Ped2) in its published layout (thesis Sec. 7.5.2).

    {data_root}/Train/Train001/001.tif ...           normal clips
    {data_root}/Test/Test001/001.tif ...             test clips
    {data_root}/Test/Test001_gt/001.bmp ...          pixel masks (a subset of the test clips)
    {data_root}/Test/UCSDped1.m                      frame-level ranges (optional)

``data_root`` is the ``UCSDped1`` folder. Frames are matched to masks by the number in their
file name. Frame labels come from the ``.m`` file's ``TestVideoFile{i}.gt_frame = [a:b, ...]``
ranges when it exists, else from the mask (anomalous iff any pixel is set), else -1 (unknown).
Stray files (``._*``, ``.DS_Store``, ``Thumbs.db``) are not frames and are ignored.
Pixel AUROC (Tables 7.1, 7.5) is pooled over the test frames that have pixel masks, which is
what ``only_with_pixel_gt=True`` (the default for ``split='test'``) lists.
"""
import glob
import os
import os.path as osp
import re
from typing import Dict, List, Optional, Set

from thesiscv.registry import DATASETS
from .anomaly_dataset import AnomalyImageDataset

FRAME_EXTS = ('.tif', '.tiff', '.png', '.jpg')
MASK_EXTS = ('.bmp', '.png', '.tif', '.tiff')


def frame_number(name: str) -> int:
    """The last number in a file name (``'frame012.tif'`` -> 12)."""
    numbers = re.findall(r'\d+', osp.splitext(name)[0])
    if not numbers:
        raise ValueError(f'cannot read a frame number from {name!r}')
    return int(numbers[-1])


def list_frames(folder: str, exts) -> Dict[int, str]:
    """``{frame number: path}`` of the visible files with one of ``exts`` in ``folder``."""
    return {frame_number(f): osp.join(folder, f) for f in sorted(os.listdir(folder))
            if f.lower().endswith(exts) and not f.startswith('.')}


def parse_frame_ranges(m_file: str) -> Dict[int, Set[int]]:
    """``{clip number: anomalous frame numbers}`` from UCSD's ``UCSDped*.m`` file."""
    with open(m_file) as f:
        text = f.read()
    ranges = {}
    for clip, body in re.findall(r'TestVideoFile\{(\d+)\}\.gt_frame\s*=\s*\[([^\]]*)\]', text):
        frames = set()
        for start, stop in re.findall(r'(\d+)\s*:\s*(\d+)', body):
            frames.update(range(int(start), int(stop) + 1))
        ranges[int(clip)] = frames
    return ranges


@DATASETS.register_module()
class UCSDPedDataset(AnomalyImageDataset):
    """Args: data_root (``.../UCSDped1``), split ``'train'``/``'test'``, only_with_pixel_gt
    (test frames without pixel masks are left out; default True), pipeline, ..."""
    DATA_HINT = ('Download the UCSD Anomaly Detection Dataset (UCSD_Anomaly_Dataset.v1p2) from '
                 'http://www.svcl.ucsd.edu/projects/anomaly/dataset.htm and point data_root to '
                 'its UCSDped1 folder, or write the stand-in with '
                 '`python tools/data/make_synthetic.py ped`.')

    def __init__(self, data_root: str, split: str = 'train', only_with_pixel_gt: bool = True,
                 **kwargs):
        if split not in ('train', 'test'):
            raise ValueError(f'split must be "train" or "test", got {split!r}')
        self.split = split
        self.only_with_pixel_gt = only_with_pixel_gt
        super().__init__(data_root=data_root, test_mode=split == 'test', **kwargs)

    def _frame_labels(self) -> Optional[Dict[int, Set[int]]]:
        m_files = glob.glob(osp.join(self.data_root, 'Test', '*.m'))
        return parse_frame_ranges(m_files[0]) if m_files else None

    def load_data_list(self) -> List[dict]:
        prefix = 'Train' if self.split == 'train' else 'Test'
        split_dir = osp.join(self.data_root, prefix)
        if not osp.isdir(split_dir):
            raise FileNotFoundError(f'UCSDPedDataset: {split_dir} does not exist. '
                                    f'{self.DATA_HINT}')
        clips = sorted(d for d in os.listdir(split_dir)
                       if re.fullmatch(rf'{prefix}\d+', d)
                       and osp.isdir(osp.join(split_dir, d)))
        labels = self._frame_labels() if self.split == 'test' else None
        data_list = []
        for clip in clips:
            clip_id = int(clip[len(prefix):])
            frames = list_frames(osp.join(split_dir, clip), FRAME_EXTS)
            gt_dir = osp.join(split_dir, f'{clip}_gt')
            masks = list_frames(gt_dir, MASK_EXTS) if osp.isdir(gt_dir) else {}
            for num, path in frames.items():
                mask = masks.get(num)
                if self.split == 'test' and mask is None and self.only_with_pixel_gt:
                    continue
                if self.split == 'train':
                    label = 0
                elif labels is not None and clip_id in labels:
                    label = int(num in labels[clip_id])
                else:
                    label = None if mask is not None else -1
                data_list.append(dict(img_path=path, mask_path=mask, gt_label=label,
                                      clip=clip, frame=num))
        if not data_list:
            what = 'frames with pixel masks' if self.split == 'test' else 'frames'
            raise FileNotFoundError(f'UCSDPedDataset: no {what} under {split_dir}')
        return data_list
