"""DSpritesDataset reads the npz that the procedural-sprites generator writes."""
import numpy as np
import pytest

from thesiscv.datasets import DSpritesDataset
from thesiscv.datasets.synthetic import GENERATORS

PIPELINE = [dict(type='PackVAEInputs')]


@pytest.fixture(scope='module')
def npz(tmp_path_factory):
    root = tmp_path_factory.mktemp('sprites')
    path = GENERATORS['sprites'].func(str(root), n_scale=2, n_orient=2, n_pos=4)
    return root, path.rsplit('/', 1)[1]


def test_factor_grid_and_index_of(npz):
    root, name = npz
    ds = DSpritesDataset(str(root), name, pipeline=PIPELINE)
    assert len(ds) == 3 * 2 * 2 * 4 * 4
    assert ds.latent_sizes == (1, 3, 2, 2, 4, 4) and ds.metainfo['latent_sizes'] == (1, 3, 2,
                                                                                     2, 4, 4)
    classes = np.stack([ds[i]['data_samples'].factor_classes.numpy() for i in range(len(ds))])
    np.testing.assert_array_equal(ds.index_of(classes), np.arange(len(ds)))
    with np.load(root / name) as f:
        np.testing.assert_array_equal(ds[37]['inputs'][0].numpy(), f['imgs'][37])


def test_rendered_sprites_have_the_specified_size(npz):
    root, name = npz
    ds = DSpritesDataset(str(root), name, pipeline=PIPELINE)
    square = ds[int(ds.index_of([0, 0, 1, 0, 1, 2]))]['inputs'][0]    # scale 1, angle 0
    assert abs(square.sum().item() - 20 * 20) <= 2 * 20 + 1
    ellipse = ds[int(ds.index_of([0, 1, 1, 0, 1, 2]))]['inputs'][0]
    assert abs(ellipse.sum().item() - np.pi * 10 * 5) < 10
    ys, xs = np.nonzero(square.numpy())
    assert abs(xs.mean() - (16 + 32 / 3) + 0.5) < 1 and abs(ys.mean() - (16 + 64 / 3) + 0.5) < 1


def test_subset_is_seeded_and_unique(npz):
    root, name = npz
    a = DSpritesDataset(str(root), name, subset_size=20, seed=3, pipeline=PIPELINE)
    b = DSpritesDataset(str(root), name, subset_size=20, seed=3, pipeline=PIPELINE)
    assert len(a) == 20
    rows = [a[i]['data_samples'].sample_idx for i in range(20)]
    assert rows == [b[i]['data_samples'].sample_idx for i in range(20)]
    assert len(set(rows)) == 20


def test_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match='make_synthetic.py sprites'):
        DSpritesDataset(str(tmp_path))


def test_corrupt_or_foreign_npz_is_named(tmp_path):
    garbage = tmp_path / 'garbage.npz'
    garbage.write_bytes(b'not a zip archive')
    with pytest.raises(OSError, match='cannot open the dSprites file .*garbage.npz'):
        DSpritesDataset(str(tmp_path), ann_file='garbage.npz')
    foreign = tmp_path / 'foreign.npz'
    np.savez(foreign, imgs=np.zeros((2, 4, 4), np.uint8))
    with pytest.raises(KeyError, match="foreign.npz is not a dSprites npz.*latents_classes"):
        DSpritesDataset(str(tmp_path), ann_file='foreign.npz')
