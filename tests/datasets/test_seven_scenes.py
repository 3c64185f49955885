"""SevenScenesDataset reads the 7-Scenes layout the generator writes."""
import numpy as np
import pytest

from thesiscv.datasets.seven_scenes import SevenScenesDataset
from thesiscv.datasets.synthetic.indoor_rooms import generate


@pytest.fixture(scope='module')
def root(tmp_path_factory):
    out = tmp_path_factory.mktemp('rooms_7scenes')
    generate(str(out), seed=5, layout='7scenes', num_train=1, num_test=1, frames=12,
             test_frames=7)
    return str(out)


def test_splits_strides_and_depth(root):
    pipeline = [dict(type='LoadFrameSequence'), dict(type='LoadDepthGT'),
                dict(type='PackSelfSupInputs')]
    kwargs = dict(scenes=['chess'], intrinsics=(76.8, 76.8, 48, 32), image_size=(96, 64))
    test = SevenScenesDataset(root, split='test', mode='test', frame_ids=(0, ), frame_stride=3,
                              pipeline=pipeline, **kwargs)
    assert [s['frame_index'] for s in (test.get_data_info(i) for i in range(len(test)))] == [
        0, 3, 6]
    assert test[0]['data_samples'].gt_depth.min() > 0.3
    train = SevenScenesDataset(root, split='train', mode='train', frame_stride=2, **kwargs)
    assert len(train) == 4  # 12 frames -> 6 after stride 2 -> 4 targets
    pose = SevenScenesDataset(root, split='test', mode='pose', frame_ids=(0, 1), frame_stride=3,
                              pipeline=pipeline, **kwargs)
    gt = pose[0]['data_samples'].gt_pose[0].numpy()
    P0 = np.loadtxt(f'{root}/chess/seq-02/frame-000000.pose.txt')
    P3 = np.loadtxt(f'{root}/chess/seq-02/frame-000003.pose.txt')
    assert np.allclose(gt, np.linalg.inv(P3) @ P0, atol=1e-5)


def test_bad_split_file(root, tmp_path):
    (tmp_path / 'chess').mkdir()
    (tmp_path / 'chess' / 'TestSplit.txt').write_text('seq1\n')
    with pytest.raises(ValueError, match='TestSplit.txt'):
        SevenScenesDataset(str(tmp_path), scenes=['chess'], mode='test', frame_ids=(0, ))
