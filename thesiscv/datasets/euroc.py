"""EuRoC MAV in the ASL folder layout (thesis Tables 5.2, 5.3; spec §4.2).

Layout of one sequence (e.g. ``V1_01_easy``)::

    <data_root>/<seq>/mav0/cam0/data.csv             ``#timestamp [ns],filename``
    <data_root>/<seq>/mav0/cam0/data/<ns>.png        8-bit grey images (752x480)
    <data_root>/<seq>/mav0/cam0/sensor.yaml          T_BS, intrinsics [fu, fv, cu, cv],
                                                    resolution [W, H], radial-tangential distortion
    <data_root>/<seq>/mav0/state_groundtruth_estimate0/data.csv
                                                    time stamp, position, quaternion (w, x, y, z)
    <data_root>/<seq>/mav0/cam0/depth_gt/<ns>.npz     ground-truth depth cache (key ``depth``,
                                                    metres, 0 = none), from
                                                    ``tools/data/euroc/make_depth_gt.py``

Grey frames are replicated to 3 channels; the sensor's distortion goes to the ``Undistort``
step through the sample's ``distortion``. Camera-to-world poses are the ground-truth body pose
interpolated at the image time stamp (linear position, spherical rotation) times ``T_BS``; frames
outside the ground-truth time range have no pose (pose pairs with them are skipped and
counted).
"""
import os.path as osp
from typing import Dict, List, Optional, Sequence

import numpy as np
import yaml
from scipy.spatial.transform import Rotation, Slerp

from thesiscv.registry import DATASETS
from .transforms.frame_geometry import normalized_intrinsics
from .video_depth_base import VideoDepthDataset, check_intrinsics, read_lines

TRAIN_SEQUENCES = ('MH_01_easy', 'MH_02_easy', 'MH_04_difficult', 'V1_01_easy', 'V1_02_medium')
TEST_SEQUENCES = ('V1_03_difficult', 'V2_01_easy', 'V2_02_medium', 'V2_03_difficult')


def read_sensor_yaml(path: str) -> Dict[str, np.ndarray]:
    """Camera calibration of an ASL ``sensor.yaml``: K (3x3 pixels), distortion, size, T_BS."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'EuRoC camera calibration {path} does not exist')
    with open(path) as f:  # the files start with an OpenCV '%YAML:1.0' directive
        text = ''.join(line for line in f if not line.startswith('%'))
    try:
        data = yaml.safe_load(text)
        fu, fv, cu, cv = (float(v) for v in data['intrinsics'])
        width, height = (int(v) for v in data['resolution'])
        t_bs = np.asarray(data['T_BS']['data'], dtype=np.float64).reshape(4, 4)
        coeffs = np.asarray(data.get('distortion_coefficients', [0, 0, 0, 0]), dtype=np.float64)
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as err:
        raise ValueError(f'{path} is not a valid EuRoC camera yaml (needs intrinsics, '
                         f'resolution, T_BS, distortion_coefficients): {err}') from None
    K = check_intrinsics(np.array([[fu, 0, cu], [0, fv, cv], [0, 0, 1.0]]), path)
    return dict(K=K, distortion=coeffs, width=width, height=height, T_BS=t_bs)


def read_csv(path: str, what: str) -> List[List[str]]:
    """Rows of an ASL csv file (header lines start with '#')."""
    return [line.split(',') for line in read_lines(path, what)]


def interpolate_poses(stamps: np.ndarray, gt_stamps: np.ndarray, positions: np.ndarray,
                      quats_wxyz: np.ndarray) -> List[Optional[np.ndarray]]:
    """Body-to-world 4x4 poses at ``stamps`` (None outside the ground-truth time range)."""
    slerp = Slerp(gt_stamps, Rotation.from_quat(quats_wxyz, scalar_first=True))
    inside = (stamps >= gt_stamps[0]) & (stamps <= gt_stamps[-1])
    out: List[Optional[np.ndarray]] = [None] * len(stamps)
    if inside.any():
        rot = slerp(stamps[inside]).as_matrix()
        pos = np.stack([np.interp(stamps[inside], gt_stamps, positions[:, k]) for k in range(3)],
                       -1)
        for j, i in enumerate(np.flatnonzero(inside)):
            pose = np.eye(4)
            pose[:3, :3], pose[:3, 3] = rot[j], pos[j]
            out[i] = pose
    return out


def project_point_cloud(points: np.ndarray, cam_to_world: np.ndarray, K: np.ndarray,
                        width: int, height: int) -> np.ndarray:
    """Z-buffer projection of ``(N, 3)`` world points into an ``(H, W)`` depth map (0 = none);
    each point goes to its nearest pixel centre (pixel centres at integer coordinates)."""
    world_to_cam = np.linalg.inv(cam_to_world)
    cam = points @ world_to_cam[:3, :3].T + world_to_cam[:3, 3]
    cam = cam[cam[:, 2] > 1e-3]
    uv = cam @ K.T
    u = np.round(uv[:, 0] / uv[:, 2]).astype(np.int64)
    v = np.round(uv[:, 1] / uv[:, 2]).astype(np.int64)
    keep = (u >= 0) & (u < width) & (v >= 0) & (v < height)
    depth = np.full(height * width, np.inf)
    np.minimum.at(depth, v[keep] * width + u[keep], cam[keep, 2])
    depth[~np.isfinite(depth)] = 0
    return depth.reshape(height, width).astype(np.float32)


@DATASETS.register_module()
class EuRoCDataset(VideoDepthDataset):
    """cam0 frames of EuRoC MAV sequences.

    Args:
        sequences: sequence folder names under ``data_root``.
        camera: camera folder (``cam0``).
        test_stride: every n-th frame with cached ground-truth depth is a test frame.
        **kwargs: see :class:`VideoDepthDataset` (``mode='pose'`` gives consecutive pairs of
            the ``frame_stride``-sub-sampled stream with ground-truth poses).
    """

    def __init__(self, data_root: str, sequences: Sequence[str] = TRAIN_SEQUENCES,
                 camera: str = 'cam0', test_stride: int = 1, **kwargs):
        self.sequences, self.camera, self.test_stride = tuple(sequences), camera, test_stride
        super().__init__(data_root, **kwargs)

    def load_sequence(self, seq: str) -> dict:
        mav = osp.join(self.data_root, seq, 'mav0')
        cam_dir = osp.join(mav, self.camera)
        calib = read_sensor_yaml(osp.join(cam_dir, 'sensor.yaml'))
        rows = read_csv(osp.join(cam_dir, 'data.csv'), 'EuRoC image list')
        stamps = np.array([int(r[0]) for r in rows], dtype=np.int64)
        frames = [dict(img_path=osp.join(cam_dir, 'data', r[1].strip()), index=i,
                       depth_path=osp.join(cam_dir, 'depth_gt', f'{int(r[0])}.npz'))
                  for i, r in enumerate(rows)]
        if self.mode == 'pose':
            gt = np.array(read_csv(osp.join(mav, 'state_groundtruth_estimate0', 'data.csv'),
                                   'EuRoC ground truth'), dtype=np.float64)
            body = interpolate_poses(stamps.astype(np.float64), gt[:, 0], gt[:, 1:4], gt[:, 4:8])
            for frame, pose in zip(frames, body):
                frame['pose'] = None if pose is None else pose @ calib['T_BS']
        K = normalized_intrinsics(calib['K'], calib['height'], calib['width'])
        return dict(frames=frames, K=K, distortion=tuple(calib['distortion']))

    def load_samples(self) -> List[dict]:
        samples, skipped = [], 0
        for seq in self.sequences:
            data = self.load_sequence(seq)
            frames, K, common = data['frames'], data['K'], dict(distortion=data['distortion'])
            if self.mode == 'train':
                samples += self.sequence_tuples(frames, K, seq, **common)
            elif self.mode == 'test':
                with_gt = [f for f in frames if osp.isfile(f['depth_path'])]
                samples += [self.make_sample([f], K, seq, (0, ), **common)
                            for f in with_gt[::self.test_stride]]
            else:
                sub = frames[::self.frame_stride]
                for target, source in zip(sub, sub[1:]):
                    if target['pose'] is None or source['pose'] is None:
                        skipped += 1
                        continue
                    samples.append(self.make_sample([target, source], K, seq, (0, 1),
                                                    with_pose=True, **common))
        self.log_skipped(skipped, 'frames outside the ground-truth time range')
        return samples
