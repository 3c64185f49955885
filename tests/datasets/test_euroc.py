"""EuRoCDataset reads the ASL layout the generator writes (grey frames, sensor.yaml, ground
truth states, depth cache); undistortion recovers the pinhole render; the point-cloud projection
reproduces a depth map."""
import numpy as np
import pytest

from thesiscv.datasets.euroc import EuRoCDataset, project_point_cloud, read_sensor_yaml
from thesiscv.datasets.synthetic.indoor_rooms import (generate, load_textures, render_sequence)

RADTAN = (-0.28, 0.07, 0.0002, 0.00002)


@pytest.fixture(scope='module')
def root(tmp_path_factory):
    out = tmp_path_factory.mktemp('rooms_euroc')
    generate(str(out), seed=3, layout='euroc', num_train=1, num_test=1, frames=5,
             test_frames=4, distortion=RADTAN)
    return str(out)


def test_sensor_yaml_and_modes(root):
    calib = read_sensor_yaml(f'{root}/V2_01_synthetic/mav0/cam0/sensor.yaml')
    assert np.allclose(calib['K'][0, 0], 0.8 * 96) and np.allclose(calib['distortion'], RADTAN)
    pipeline = [dict(type='LoadFrameSequence'), dict(type='LoadDepthGT'),
                dict(type='PackSelfSupInputs')]
    train = EuRoCDataset(root, sequences=['MH_00_synthetic'], pipeline=pipeline[::2])
    assert len(train) == 3 and train[0]['inputs']['img'].shape == (3, 3, 64, 96)
    test = EuRoCDataset(root, sequences=['V2_01_synthetic'], mode='test', frame_ids=(0, ),
                        pipeline=pipeline)
    assert len(test) == 4 and test[1]['data_samples'].gt_depth.shape == (64, 96)
    pose = EuRoCDataset(root, sequences=['V2_01_synthetic'], mode='pose', frame_ids=(0, 1),
                        pipeline=pipeline[::2])
    assert len(pose) == 3 and pose[0]['data_samples'].gt_pose.shape == (1, 4, 4)


def test_ground_truth_poses_match_render(root):
    rng = np.random.default_rng(3)
    textures = load_textures(rng)
    render_sequence(rng, textures, 5, 64, 96, rng.uniform(0.6, 1.6))  # the training sequence
    seq = render_sequence(rng, textures, 4, 64, 96, rng.uniform(0.6, 1.6))
    ds = EuRoCDataset(root, sequences=['V2_01_synthetic'], mode='pose', frame_ids=(0, 1))
    poses = ds.get_data_info(1)['poses']
    assert np.allclose(poses[0], seq['poses'][1], atol=1e-6)
    assert np.allclose(poses[1], seq['poses'][2], atol=1e-6)


def test_undistort_recovers_pinhole(root):
    rng = np.random.default_rng(3)
    textures = load_textures(rng)
    render_sequence(rng, textures, 5, 64, 96, rng.uniform(0.6, 1.6))
    seq = render_sequence(rng, textures, 4, 64, 96, rng.uniform(0.6, 1.6))
    grey = (seq['rgb'][0] @ np.array([0.299, 0.587, 0.114])).round()
    ds = EuRoCDataset(root, sequences=['V2_01_synthetic'], mode='test', frame_ids=(0, ),
                      pipeline=[dict(type='LoadFrameSequence')])
    distorted = ds[0]['imgs'][0][..., 0].astype(float)
    undistorted = EuRoCDataset(root, sequences=['V2_01_synthetic'], mode='test',
                               frame_ids=(0, ), pipeline=[dict(type='LoadFrameSequence'),
                                                          dict(type='Undistort')])[0]['imgs'][0]
    inner = (slice(2, -2), slice(2, -2))
    before = np.abs(distorted - grey)[inner].mean()
    after = np.abs(undistorted[..., 0].astype(float) - grey)[inner].mean()
    assert after < 0.5 * before and after < 12


def test_project_point_cloud_reproduces_depth():
    rng = np.random.default_rng(4)
    seq = render_sequence(rng, load_textures(rng), 1, 64, 96, 1.0)
    depth, K, pose = seq['depth'][0], seq['K'], seq['poses'][0]
    ys, xs = np.mgrid[0:64, 0:96]  # pixel centres: each point lands in its own pixel
    rays = np.stack([xs, ys, np.ones_like(xs)], -1) @ np.linalg.inv(K).T
    points = (rays * depth[..., None]).reshape(-1, 3) @ pose[:3, :3].T + pose[:3, 3]
    out = project_point_cloud(points, pose, K, 96, 64)
    assert np.allclose(out, depth, rtol=1e-4)
