"""dSprites from the published npz (Matthey et al. 2017; thesis Sec. 7.6, Table 7.6).

``dsprites_ndarray_co1sh3sc6or40x32y32_64x64.npz`` holds ``imgs`` (``(737280, 64, 64)`` uint8
0/1), ``latents_values`` and ``latents_classes`` (``(737280, 6)``: color, shape, scale,
orientation, posX, posY) and a pickled ``metadata`` dict, which is never unpickled here.
Every factor combination appears once, in row-major order, so the index of a class vector ``c``
is ``sum_f c_f * base_f`` with ``base_f = prod(sizes[f+1:])`` (:meth:`index_of`).

The images are read from the zip member in chunks and kept bit-packed (377 MB for the full set
instead of 3 GB), so nothing decompresses the whole array at once. ``latent_sizes`` is derived
from ``latents_classes`` (max + 1), so smaller grids in the same format (the procedural-sprites
generator's) load too. ``subset_size`` draws a seeded random subset (e.g. for validation).
"""
import os.path as osp
import zipfile
from typing import Optional, Sequence, Tuple

import numpy as np
from mmengine.dataset import BaseDataset

from thesiscv.registry import DATASETS

DSPRITES_FILE = 'dsprites_ndarray_co1sh3sc6or40x32y32_64x64.npz'
FACTOR_NAMES = ('color', 'shape', 'scale', 'orientation', 'posX', 'posY')


def read_packed_images(path: str, chunk_rows: int = 16384) -> Tuple[np.ndarray, int]:
    """``imgs`` of a dSprites npz as bits packed along the last axis: ``(N, H, ceil(W/8))``,
    and the image width ``W``."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as err:
        raise OSError(f'cannot open the dSprites file {path}: {err}') from err
    missing = {'imgs.npy', 'latents_classes.npy'} - set(archive.namelist())
    if missing:
        archive.close()
        raise KeyError(f'{path} is not a dSprites npz: it lacks the arrays '
                       f'{sorted(m[:-4] for m in missing)}')
    with archive, archive.open('imgs.npy') as f:
        major, _ = np.lib.format.read_magic(f)
        read_header = (np.lib.format.read_array_header_1_0 if major == 1 else
                       np.lib.format.read_array_header_2_0)
        shape, fortran, dtype = read_header(f)
        if fortran or dtype != np.uint8 or len(shape) != 3:
            raise ValueError(f'{path}: imgs must be a C-ordered uint8 (N, H, W) array, got '
                             f'{dtype} {shape}')
        row = shape[1] * shape[2]
        packed = np.empty((shape[0], shape[1], (shape[2] + 7) // 8), np.uint8)
        for start in range(0, shape[0], chunk_rows):
            stop = min(shape[0], start + chunk_rows)
            chunk = np.frombuffer(f.read((stop - start) * row), np.uint8)
            if chunk.size != (stop - start) * row:
                raise ValueError(f'{path}: imgs is truncated')
            if chunk.max(initial=0) > 1:
                raise ValueError(f'{path}: imgs must be binary (0/1)')
            packed[start:stop] = np.packbits(chunk.reshape(stop - start, *shape[1:]), axis=-1)
    return packed, shape[2]


@DATASETS.register_module()
class DSpritesDataset(BaseDataset):
    """Args:
        data_root: folder of the npz.
        ann_file: its file name (default: the official one).
        subset_size: draw this many images at random (seeded) instead of all of them.
        seed: seed of the subset.
        pipeline: e.g. ``[dict(type='PackVAEInputs')]``; samples carry ``img`` ``(64, 64)``
            uint8 (0/255) and ``factor_classes`` ``(6,)``.
    """
    METAINFO = dict(factor_names=FACTOR_NAMES)

    def __init__(self, data_root: str, ann_file: str = DSPRITES_FILE,
                 subset_size: Optional[int] = None, seed: int = 0, **kwargs):
        path = osp.join(data_root, ann_file)
        if not osp.isfile(path):
            raise FileNotFoundError(
                f'DSpritesDataset: {path} does not exist. Download {DSPRITES_FILE} from '
                'https://github.com/deepmind/dsprites-dataset, or write the procedural stand-in '
                'with `python tools/data/make_synthetic.py sprites`.')
        self.subset_size = subset_size
        self.seed = seed
        super().__init__(data_root=data_root, ann_file=ann_file, serialize_data=False,
                         **kwargs)

    def full_init(self) -> None:
        if self._fully_initialized:
            return
        self.images, self.width = read_packed_images(self.ann_file)
        with np.load(self.ann_file, allow_pickle=False) as npz:
            self.classes = np.asarray(npz['latents_classes'], np.int64)
        if len(self.classes) != len(self.images):
            raise ValueError(f'{self.ann_file}: {len(self.images)} imgs but '
                             f'{len(self.classes)} latents_classes')
        self.latent_sizes = tuple(int(s) for s in self.classes.max(0) + 1)
        self.bases = np.array([int(np.prod(self.latent_sizes[f + 1:]))
                               for f in range(len(self.latent_sizes))], np.int64)
        self.is_grid = (len(self.classes) == int(np.prod(self.latent_sizes)) and np.array_equal(
            self.classes @ self.bases, np.arange(len(self.classes))))
        self._metainfo.update(latent_sizes=self.latent_sizes)
        indices = np.arange(len(self.images))
        if self.subset_size is not None and self.subset_size < len(indices):
            rng = np.random.default_rng(self.seed)
            indices = np.sort(rng.choice(indices, self.subset_size, replace=False))
        self.data_list = indices
        self._fully_initialized = True

    def __len__(self) -> int:
        self.full_init()
        return len(self.data_list)

    def index_of(self, classes: Sequence[int]) -> np.ndarray:
        """Row index of factor-class vectors ``(..., 6)`` in the full factorial grid."""
        self.full_init()
        if not self.is_grid:
            raise ValueError(f'{self.ann_file} is not a complete factor grid in dSprites order')
        return np.asarray(classes, np.int64) @ self.bases

    def get_data_info(self, idx: int) -> dict:
        self.full_init()
        row = int(self.data_list[idx])
        img = np.unpackbits(self.images[row], axis=-1, count=self.width)
        return dict(img=img * np.uint8(255), factor_classes=self.classes[row], sample_idx=row)
