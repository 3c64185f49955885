"""UCSDPedDataset reads the UCSD Ped1 layout that the synthetic walkway generator writes."""
import pytest

from thesiscv.datasets import UCSDPedDataset
from thesiscv.datasets.synthetic import GENERATORS
from thesiscv.datasets.ucsd_ped1 import parse_frame_ranges

PIPELINE = [dict(type='mmcv.LoadImageFromFile', color_type='grayscale'),
            dict(type='LoadAnomalyMask'),
            dict(type='mmcv.Resize', scale=(100, 100), keep_ratio=False),
            dict(type='PackVAEInputs')]


@pytest.fixture(scope='module')
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp('ped') / 'UCSDped1'
    GENERATORS['ped'].func(str(root), seed=0, num_train_clips=2, num_test_clips=2,
                           num_frames=12, num_gt_clips=1)
    (root / 'Train' / 'Train001' / '._001.tif').write_bytes(b'mac resource fork')
    (root / 'Train' / 'Train001' / '.DS_Store').write_bytes(b'')
    return root


def test_train_frames_ignore_stray_files(root):
    ds = UCSDPedDataset(str(root), 'train', pipeline=PIPELINE)
    assert len(ds) == 24
    sample = ds[0]
    assert sample['inputs'].shape == (1, 100, 100)
    assert sample['data_samples'].gt_label == 0


def test_test_frames_with_pixel_masks_and_frame_labels(root):
    ranges = parse_frame_ranges(str(root / 'Test' / 'UCSDped1.m'))
    ds = UCSDPedDataset(str(root), 'test', pipeline=PIPELINE)
    assert len(ds) == 12 and {ds[i]['data_samples'].clip for i in range(12)} == {'Test001'}
    for i in range(len(ds)):
        sample = ds[i]['data_samples']
        assert sample.gt_mask.shape == (100, 100)
        assert sample.gt_label == int(sample.frame in ranges[1])
        assert bool(sample.gt_mask.any()) == bool(sample.gt_label)


def test_frames_without_pixel_masks_keep_their_frame_label(root):
    ds = UCSDPedDataset(str(root), 'test', only_with_pixel_gt=False, pipeline=PIPELINE)
    assert len(ds) == 24
    no_mask = [ds[i]['data_samples'] for i in range(len(ds))
               if ds[i]['data_samples'].clip == 'Test002']
    assert all('gt_mask' not in s or s.gt_label == 0 for s in no_mask)
    assert {s.gt_label for s in no_mask} == {0, 1}


def test_missing_root_and_corrupt_frame_are_named(root, tmp_path):
    with pytest.raises(FileNotFoundError, match='make_synthetic.py ped'):
        UCSDPedDataset(str(tmp_path / 'UCSDped1'))
    import shutil
    copy = tmp_path / 'UCSDped1'
    shutil.copytree(root, copy)
    (copy / 'Train' / 'Train002' / '003.tif').write_bytes(b'\x00' * 10)
    ds = UCSDPedDataset(str(copy), 'train', pipeline=PIPELINE)
    index = [i for i in range(len(ds)) if ds.get_data_info(i)['img_path'].endswith(
        'Train002/003.tif')][0]
    with pytest.raises(RuntimeError, match='Train002/003.tif'):
        ds[index]
