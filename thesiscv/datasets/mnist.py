"""One-class MNIST from the published IDX files (thesis Sec. 7.5.1, Fig. 7.7).

    {data_root}/train-images-idx3-ubyte[.gz]   train-labels-idx1-ubyte[.gz]
    {data_root}/t10k-images-idx3-ubyte[.gz]    t10k-labels-idx1-ubyte[.gz]

``split='train'`` keeps the training images of ``normal_class``; ``split='test'`` keeps the test
images of ``test_classes`` (default: all digits), labelled 1 (anomalous) unless they are of
``normal_class``. Real MNIST has no pixel masks; ``mask_file`` names an extra IDX file of
per-image masks aligned with the split's images (written by the procedural-digits generator:
the top bar of a "7"), which adds ``gt_seg_map``. The arrays live in memory (47 MB for all of
MNIST); samples are ``img`` ``(28, 28)`` uint8 for the pipeline.
"""
import gzip
import os.path as osp
from typing import List, Optional, Sequence, Union

import numpy as np
from mmengine.dataset import BaseDataset

from thesiscv.registry import DATASETS

IDX_DTYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: np.dtype('>i2'), 0x0C: np.dtype('>i4'),
              0x0D: np.dtype('>f4'), 0x0E: np.dtype('>f8')}
SPLIT_FILES = dict(train=('train-images-idx3-ubyte', 'train-labels-idx1-ubyte'),
                   test=('t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'))


def read_idx(path: str) -> np.ndarray:
    """Read an IDX file (optionally gzipped) into an array of its declared shape."""
    opener = gzip.open if path.endswith('.gz') else open
    try:
        with opener(path, 'rb') as f:
            data = f.read()
    except OSError as err:
        raise OSError(f'cannot read the IDX file {path}: {err}') from err
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in IDX_DTYPES:
        raise ValueError(f'{path} is not an IDX file (bad magic number)')
    ndim = data[3]
    shape = tuple(np.frombuffer(data, '>i4', count=ndim, offset=4))
    dtype = np.dtype(IDX_DTYPES[data[2]])
    offset = 4 + 4 * ndim
    expected = int(np.prod(shape)) * dtype.itemsize
    if len(data) - offset != expected:
        raise ValueError(f'{path} is truncated or corrupt: its header declares shape {shape} '
                         f'({expected} bytes of data) but it holds {len(data) - offset}')
    return np.frombuffer(data, dtype, offset=offset).reshape(shape)


def write_idx(path: str, array: np.ndarray) -> None:
    """Write a uint8 array (images, labels, masks) as an IDX file."""
    if array.dtype != np.uint8:
        raise ValueError(f'write_idx writes uint8 arrays, got {array.dtype}')
    header = bytes([0, 0, 0x08, array.ndim]) + np.asarray(array.shape, '>i4').tobytes()
    with open(path, 'wb') as f:
        f.write(header + np.ascontiguousarray(array).tobytes())


def find_idx(data_root: str, name: str) -> str:
    """``data_root/name`` or its ``.gz``; a clear error when neither exists."""
    for candidate in (osp.join(data_root, name), osp.join(data_root, name + '.gz')):
        if osp.isfile(candidate):
            return candidate
    raise FileNotFoundError(
        f'OneClassMNIST: {osp.join(data_root, name)}[.gz] does not exist. Put the MNIST IDX '
        'files there (http://yann.lecun.com/exdb/mnist/), or write a stand-in with '
        '`python tools/data/make_synthetic.py digits` (or sklearn_digits).')


@DATASETS.register_module()
class OneClassMNIST(BaseDataset):
    """Args:
        data_root: folder of the IDX files.
        normal_class: the digit the one-class VAE is trained on.
        split: ``'train'`` or ``'test'``.
        test_classes: ``'all'`` or a list of digits kept in the test split.
        mask_file: IDX file of masks aligned with the split's image file (relative to
            ``data_root``), or None.
        pipeline: e.g. ``[dict(type='PackVAEInputs')]``.
    """

    def __init__(self, data_root: str, normal_class: int = 1, split: str = 'train',
                 test_classes: Union[str, Sequence[int]] = 'all', mask_file: Optional[str] = None,
                 **kwargs):
        if split not in SPLIT_FILES:
            raise ValueError(f'split must be "train" or "test", got {split!r}')
        if not osp.isdir(data_root):
            raise FileNotFoundError(f'OneClassMNIST: data root {data_root} does not exist')
        self.normal_class = int(normal_class)
        self.split = split
        self.test_classes = test_classes
        self.mask_file = mask_file
        super().__init__(data_root=data_root, test_mode=split == 'test', **kwargs)

    def load_data_list(self) -> List[dict]:
        image_name, label_name = SPLIT_FILES[self.split]
        self.images = read_idx(find_idx(self.data_root, image_name))
        digits = read_idx(find_idx(self.data_root, label_name))
        if len(digits) != len(self.images):
            raise ValueError(f'OneClassMNIST: {label_name} has {len(digits)} labels for '
                             f'{len(self.images)} images in {self.data_root}')
        self.masks = None
        if self.mask_file is not None:
            self.masks = read_idx(find_idx(self.data_root, self.mask_file))
            if self.masks.shape != self.images.shape:
                raise ValueError(f'OneClassMNIST: masks {self.mask_file} have shape '
                                 f'{self.masks.shape}, images {self.images.shape}')
        if self.split == 'train':
            keep = digits == self.normal_class
        elif self.test_classes == 'all':
            keep = np.ones(len(digits), bool)
        else:
            keep = np.isin(digits, np.asarray(self.test_classes))
        if not keep.any():
            raise ValueError(f'OneClassMNIST: no {self.split} images of the requested digits '
                             f'in {self.data_root}')
        return [dict(sample_idx=int(i), digit=int(digits[i]),
                     gt_label=int(digits[i] != self.normal_class)) for i in np.flatnonzero(keep)]

    def get_data_info(self, idx: int) -> dict:
        info = super().get_data_info(idx)
        info['img'] = self.images[info['sample_idx']]
        if self.masks is not None:
            info['gt_seg_map'] = (self.masks[info['sample_idx']] > 0).astype(np.uint8)
        return info
