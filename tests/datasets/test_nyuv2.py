"""NYUv2 loaders read the generator's NYUv2 layout: raw scene folders for training tuples and
the extracted labelled test set."""
import pytest

from thesiscv.datasets.nyuv2 import NYUv2LabeledDataset, NYUv2RawDataset
from thesiscv.datasets.synthetic.indoor_rooms import generate, intrinsics


@pytest.fixture(scope='module')
def root(tmp_path_factory):
    out = tmp_path_factory.mktemp('rooms_nyuv2')
    generate(str(out), seed=2, layout='nyuv2', num_train=1, num_test=1, frames=25, test_frames=3)
    return str(out)


def camera(h=64, w=96):
    K = intrinsics(h, w)
    return dict(intrinsics=(K[0, 0], K[1, 1], K[0, 2], K[1, 2]), image_size=(w, h))


def test_raw_tuples_subsampled(root):
    pipeline = [dict(type='LoadFrameSequence'), dict(type='Undistort'),
                dict(type='CropBorder', border=16), dict(type='PackSelfSupInputs')]
    ds = NYUv2RawDataset(root, frame_stride=10, pipeline=pipeline, **camera())
    assert len(ds) == 1  # frames 0, 10, 20: one target (10) with both neighbours
    paths = ds.get_data_info(0)['img_paths']
    assert [p.split('-')[-1] for p in paths] == ['1000010.ppm', '1000000.ppm', '1000020.ppm']
    sample = ds[0]
    assert sample['inputs']['img'].shape == (3, 3, 32, 64)
    K = sample['inputs']['K']  # principal point moved by the 16-px crop, then normalized
    assert abs(K[0, 2].item() - (48 - 16) / 64) < 1e-6 and abs(K[1, 2].item() - 0.5) < 1e-6


def test_labeled_test_set(root):
    pipeline = [dict(type='LoadFrameSequence'), dict(type='LoadDepthGT'),
                dict(type='PackSelfSupInputs')]
    ds = NYUv2LabeledDataset(root, expected_num=3, pipeline=pipeline, **camera())
    sample = ds[2]['data_samples']
    assert sample.gt_depth.shape == (64, 96) and sample.gt_depth.min() > 0.3
    with pytest.raises(ValueError, match='expected 654'):
        NYUv2LabeledDataset(root, **camera())
