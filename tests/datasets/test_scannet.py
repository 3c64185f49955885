"""ScanNetDataset reads the ScanNet-layout rooms the generator writes (train tuples, test
frames, pose pairs) and names missing or malformed files."""
import os

import numpy as np
import pytest
import torch

from thesiscv.datasets import ScanNetDataset
from thesiscv.datasets.synthetic.indoor_rooms import generate

PIPELINE = [dict(type='LoadFrameSequence'), dict(type='LoadDepthGT'),
            dict(type='PackSelfSupInputs')]


@pytest.fixture(scope='module')
def root(tmp_path_factory):
    out = tmp_path_factory.mktemp('rooms_scannet')
    generate(str(out), seed=1, num_train=2, num_test=1, frames=6, test_frames=4)
    return str(out)


def test_train_tuples(root):
    ds = ScanNetDataset(root, mode='train', frame_ids=(0, -1, 1),
                        pipeline=PIPELINE[:1] + PIPELINE[2:])
    assert len(ds) == 2 * (6 - 2)  # targets need both neighbours
    info = ds.get_data_info(0)
    assert [p.split(os.sep)[-1] for p in info['img_paths']] == ['1.jpg', '0.jpg', '2.jpg']
    K = np.loadtxt(os.path.join(root, 'scans', 'scene0000_00', 'intrinsic',
                                'intrinsic_color.txt'))
    assert np.allclose(info['K'][0, :3], K[0, :3] / 96) and np.allclose(info['K'][1, :3],
                                                                        K[1, :3] / 64)
    sample = ds[0]
    assert sample['inputs']['img'].shape == (3, 3, 64, 96)
    assert sample['inputs']['img'].dtype == torch.uint8


def test_test_frames_have_depth_in_metres(root):
    ds = ScanNetDataset(root, split_file='scannetv2_test.txt', mode='test',
                        list_file='scannet_test_depth.txt', frame_ids=(0, ), pipeline=PIPELINE)
    assert len(ds) == 4
    depth = ds[0]['data_samples'].gt_depth
    assert depth.shape == (64, 96) and 0.3 < depth.min() and depth.max() < 10


def test_pose_pairs_ground_truth(root):
    ds = ScanNetDataset(root, split_file='scannetv2_test.txt', mode='pose',
                        list_file='scannet_test_pose.txt', frame_ids=(0, 1), pipeline=PIPELINE)
    assert len(ds) == 3
    sample = ds[1]['data_samples']
    scene = os.path.join(root, 'scans', 'scene0002_00', 'pose')
    P1, P2 = np.loadtxt(os.path.join(scene, '1.txt')), np.loadtxt(os.path.join(scene, '2.txt'))
    assert np.allclose(sample.gt_pose[0].numpy(), np.linalg.inv(P2) @ P1, atol=1e-5)
    assert sample.metainfo['with_pose']


def test_missing_frame_and_bad_intrinsics_are_named(root, tmp_path):
    import shutil
    broken = tmp_path / 'broken'
    shutil.copytree(root, broken)
    intr = broken / 'scans' / 'scene0000_00' / 'intrinsic' / 'intrinsic_color.txt'
    intr.write_text('1 2 3\n')
    with pytest.raises(ValueError, match='intrinsic_color.txt'):
        ScanNetDataset(str(broken), mode='train')
    intr.write_text('0 0 48 0\n0 0 32 0\n0 0 1 0\n0 0 0 1\n')
    with pytest.raises(ValueError, match='intrinsic_color.txt'):
        ScanNetDataset(str(broken), mode='train')
    os.remove(broken / 'scans' / 'scene0002_00' / 'color' / '2.jpg')
    with pytest.raises(FileNotFoundError, match='2.jpg'):
        ScanNetDataset(str(broken), split_file='scannetv2_test.txt', mode='test',
                       list_file='scannet_test_depth.txt', frame_ids=(0, ))
    with pytest.raises(FileNotFoundError, match='data_root'):
        ScanNetDataset(str(tmp_path / 'nowhere'))
