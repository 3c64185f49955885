"""OneClassMNIST reads the IDX files that the digit generators write."""
import gzip
import shutil

import numpy as np
import pytest

from thesiscv.datasets import OneClassMNIST
from thesiscv.datasets.mnist import read_idx, write_idx
from thesiscv.datasets.synthetic import GENERATORS

PIPELINE = [dict(type='PackVAEInputs')]


@pytest.fixture(scope='module')
def digits_root(tmp_path_factory):
    root = tmp_path_factory.mktemp('digits')
    GENERATORS['digits'].func(str(root), seed=1, num_train=40, num_test=30)
    return root


def test_idx_round_trip_and_gzip(tmp_path):
    array = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    write_idx(str(tmp_path / 'a-idx3-ubyte'), array)
    np.testing.assert_array_equal(read_idx(str(tmp_path / 'a-idx3-ubyte')), array)
    with open(tmp_path / 'a-idx3-ubyte', 'rb') as src, gzip.open(tmp_path / 'b.gz', 'wb') as dst:
        shutil.copyfileobj(src, dst)
    np.testing.assert_array_equal(read_idx(str(tmp_path / 'b.gz')), array)


def test_truncated_idx_names_the_file(tmp_path):
    path = tmp_path / 'bad-idx3-ubyte'
    write_idx(str(path), np.zeros((4, 5, 5), np.uint8))
    path.write_bytes(path.read_bytes()[:-7])
    with pytest.raises(ValueError, match='bad-idx3-ubyte is truncated'):
        read_idx(str(path))


def test_train_split_keeps_the_normal_digit_only(digits_root):
    ds = OneClassMNIST(str(digits_root), normal_class=1, split='train', pipeline=PIPELINE)
    digits = read_idx(str(digits_root / 'train-labels-idx1-ubyte'))
    assert len(ds) == int((digits == 1).sum()) > 0
    sample = ds[0]
    assert sample['inputs'].shape == (1, 28, 28)
    assert 0 <= sample['inputs'].min() and sample['inputs'].max() <= 1
    assert sample['data_samples'].gt_label == 0


def test_test_split_masks_are_the_bars_of_the_sevens(digits_root):
    ds = OneClassMNIST(str(digits_root), normal_class=1, split='test',
                       mask_file='t10k-masks-idx3-ubyte', pipeline=PIPELINE)
    assert len(ds) == 30
    for i in range(len(ds)):
        sample = ds[i]['data_samples']
        image, mask = ds[i]['inputs'][0], sample.gt_mask
        assert sample.gt_label == int(sample.digit == 7)
        assert bool(mask.any()) == (sample.digit == 7)
        assert (image[mask] > 0.3).all()                        # the mask lies on ink
        if mask.any():
            rows = mask.any(1).nonzero()[:, 0]
            assert rows.max() < 14                               # ... in the top half


def test_missing_files_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match='nowhere.*does not exist'):
        OneClassMNIST(str(tmp_path / 'nowhere'), pipeline=PIPELINE)
    with pytest.raises(FileNotFoundError, match='train-images-idx3-ubyte'):
        OneClassMNIST(str(tmp_path), pipeline=PIPELINE)


def test_sklearn_digits_are_real_handwriting_in_idx(tmp_path):
    GENERATORS['sklearn_digits'].func(str(tmp_path), seed=0)
    train = OneClassMNIST(str(tmp_path), normal_class=3, split='train', pipeline=PIPELINE)
    test = OneClassMNIST(str(tmp_path), normal_class=3, split='test', pipeline=PIPELINE)
    labels = np.concatenate([read_idx(str(tmp_path / f'{p}-labels-idx1-ubyte'))
                             for p in ('train', 't10k')])
    assert len(labels) == 1797 and len(test) == 359
    assert len(train) == int((read_idx(str(tmp_path / 'train-labels-idx1-ubyte')) == 3).sum())
    assert {test[i]['data_samples'].gt_label for i in range(len(test))} == {0, 1}
