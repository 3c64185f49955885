"""MVTecADDataset reads the MVTec layout that the synthetic-defects generator writes."""
import os

import numpy as np
import pytest

from thesiscv.datasets import MVTecADDataset
from thesiscv.datasets.synthetic import GENERATORS

TEST_PIPELINE = [dict(type='mmcv.LoadImageFromFile'), dict(type='LoadAnomalyMask'),
                 dict(type='mmcv.Resize', scale=(32, 32), keep_ratio=False),
                 dict(type='PackVAEInputs')]


@pytest.fixture(scope='module')
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp('defects')
    GENERATORS['defects'].func(str(root), categories=['grid', 'nut'], size=48, num_train=3,
                               num_test_good=2, num_test_per_defect=1)
    return root


def test_train_split_is_the_good_images(root):
    ds = MVTecADDataset(str(root), 'nut', 'train', pipeline=TEST_PIPELINE[:1] + [
        dict(type='PackVAEInputs')])
    assert len(ds) == 3
    assert ds[0]['inputs'].shape == (3, 48, 48)


def test_test_split_labels_and_aligned_masks(root):
    ds = MVTecADDataset(str(root), 'grid', 'test', pipeline=TEST_PIPELINE)
    assert len(ds) == 6
    kinds = []
    for i in range(len(ds)):
        out = ds[i]
        sample = out['data_samples']
        kinds.append(sample.defect_type)
        assert out['inputs'].shape == (3, 32, 32)                 # grayscale grid -> 3 channels
        assert sample.gt_mask.shape == (32, 32)
        assert sample.gt_label == int(sample.defect_type != 'good')
        assert bool(sample.gt_mask.any()) == bool(sample.gt_label)
    assert sorted(set(kinds)) == ['good', 'hole', 'missing', 'scratch', 'stain']
    hole = ds[[k for k in range(6) if kinds[k] == 'hole'][0]]
    image, mask = hole['inputs'].mean(0), hole['data_samples'].gt_mask
    assert image[mask].mean() < 0.5 * image[~mask].mean()       # the hole is dark where masked


def test_object_defects_lie_on_the_object(root):
    ds = MVTecADDataset(str(root), 'nut', 'test', pipeline=TEST_PIPELINE[:2] + [
        dict(type='PackVAEInputs')])
    for i in range(len(ds)):
        sample = ds[i]['data_samples']
        if sample.defect_type in ('scratch', 'stain'):             # painted on the metal
            image = ds[i]['inputs'].mean(0)
            assert sample.gt_mask.any() and (image[sample.gt_mask] > 0.25).float().mean() > 0.8


def test_missing_root_and_category_are_named(root, tmp_path):
    with pytest.raises(FileNotFoundError, match='make_synthetic.py defects'):
        MVTecADDataset(str(tmp_path / 'missing'), 'grid')
    with pytest.raises(FileNotFoundError, match=r"categories under .*\['grid', 'nut'\]"):
        MVTecADDataset(str(root), 'carpet')


def test_missing_mask_is_named(root, tmp_path):
    import shutil
    copy = tmp_path / 'copy'
    shutil.copytree(root / 'grid', copy / 'grid')
    os.remove(copy / 'grid' / 'ground_truth' / 'hole' / '000_mask.png')
    with pytest.raises(FileNotFoundError, match='hole/000_mask.png'):
        MVTecADDataset(str(copy), 'grid', 'test', pipeline=TEST_PIPELINE)


def test_corrupt_image_names_the_file(root, tmp_path):
    import shutil
    copy = tmp_path / 'copy'
    shutil.copytree(root / 'nut', copy / 'nut')
    bad = copy / 'nut' / 'test' / 'good' / '000.png'
    bad.write_bytes(b'not a png')
    ds = MVTecADDataset(str(copy), 'nut', 'test', pipeline=TEST_PIPELINE)
    index = [i for i in range(len(ds)) if ds.get_data_info(i)['img_path'] == str(bad)][0]
    with pytest.raises(RuntimeError, match='test/good/000.png'):
        ds[index]
    assert np.isfinite(ds[(index + 1) % len(ds)]['inputs'].numpy()).all()
