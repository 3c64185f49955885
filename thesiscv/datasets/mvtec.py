"""MVTec-AD in its published folder layout (thesis Sec. 7.5.3; Bergmann et al. 2019).

    {data_root}/{category}/train/good/*.png
    {data_root}/{category}/test/{good|<defect_type>}/*.png
    {data_root}/{category}/ground_truth/<defect_type>/<stem>_mask.png

One model per category: ``split='train'`` lists ``train/good`` only, ``split='test'`` every
test image, normal ones with ``gt_label=0`` and an all-zero mask (set by ``LoadAnomalyMask``),
defective ones with ``gt_label=1``, their ``defect_type`` and mask. The synthetic-defects
generator (``make_synthetic.py defects``) writes this layout too.
"""
import os
import os.path as osp
from typing import List

from thesiscv.registry import DATASETS
from .anomaly_dataset import AnomalyImageDataset

MVTEC_CATEGORIES = ('carpet', 'grid', 'leather', 'tile', 'wood', 'bottle', 'cable', 'capsule',
                    'hazelnut', 'metal_nut', 'pill', 'screw', 'toothbrush', 'transistor',
                    'zipper')
IMAGE_EXTS = ('.png', '.jpg', '.jpeg', '.bmp', '.tif', '.tiff')


def list_images(folder: str) -> List[str]:
    """Sorted image files of ``folder`` (hidden files such as ``._x.png`` excluded)."""
    return sorted(f for f in os.listdir(folder)
                  if f.lower().endswith(IMAGE_EXTS) and not f.startswith('.'))


@DATASETS.register_module()
class MVTecADDataset(AnomalyImageDataset):
    """Args: data_root (the folder holding the categories), category, split, pipeline, ..."""
    DATA_HINT = ('Download MVTec-AD from https://www.mvtec.com/company/research/datasets/'
                 'mvtec-ad and extract it there, or write the synthetic stand-in with '
                 '`python tools/data/make_synthetic.py defects`.')

    def __init__(self, data_root: str, category: str, split: str = 'train', **kwargs):
        if split not in ('train', 'test'):
            raise ValueError(f'split must be "train" or "test", got {split!r}')
        self.category = category
        self.split = split
        super().__init__(data_root=data_root, test_mode=split == 'test', **kwargs)

    def load_data_list(self) -> List[dict]:
        root = osp.join(self.data_root, self.category)
        if not osp.isdir(root):
            found = sorted(d for d in os.listdir(self.data_root)
                           if osp.isdir(osp.join(self.data_root, d)))
            raise FileNotFoundError(f'MVTecADDataset: category folder {root} does not exist; '
                                    f'categories under {self.data_root}: {found}')
        split_dir = osp.join(root, self.split)
        if not osp.isdir(split_dir):
            raise FileNotFoundError(f'MVTecADDataset: {split_dir} does not exist (expected '
                                    'train/good and test/<type> folders)')
        data_list = []
        types = ['good'] if self.split == 'train' else sorted(os.listdir(split_dir))
        for defect in types:
            folder = osp.join(split_dir, defect)
            if not osp.isdir(folder):
                continue
            for name in list_images(folder):
                info = dict(img_path=osp.join(folder, name), category=self.category,
                            defect_type=defect, gt_label=int(defect != 'good'), mask_path=None)
                if defect != 'good':
                    stem = osp.splitext(name)[0]
                    mask = osp.join(root, 'ground_truth', defect, f'{stem}_mask.png')
                    if not osp.isfile(mask):
                        raise FileNotFoundError(f'MVTecADDataset: the mask {mask} of '
                                                f'{info["img_path"]} is missing')
                    info['mask_path'] = mask
                data_list.append(info)
        if not data_list:
            raise FileNotFoundError(f'MVTecADDataset: no images under {split_dir}')
        return data_list
