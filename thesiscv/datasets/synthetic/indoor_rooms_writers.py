"""Write rendered room sequences in the on-disk layouts of the real indoor data sets.

Every writer takes ``sequences``: dicts with ``name``, ``split`` ('train' or 'test'), ``rgb``
``(T, H, W, 3)`` uint8, ``depth`` ``(T, H, W)`` metres, ``poses`` ``(T, 4, 4)``
camera-to-world and ``K`` ``(3, 3)`` pixels (see :mod:`.indoor_rooms`). The loaders in
``thesiscv/datasets/`` read what these write:

* ``scannet``: SensReader export (``scans/<scene>/{color/<i>.jpg, depth/<i>.png (mm),
  pose/<i>.txt, intrinsic/intrinsic_{color,depth}.txt}``), ``scannetv2_{train,test}.txt`` and
  the test lists ``scannet_test_depth.txt`` (``<scene> <frame>``) and ``scannet_test_pose.txt``
  (``<scene> <frame> <frame>``).
* ``nyuv2``: raw scene folders (``raw/<scene>/r-<t>-<t>.ppm`` + ``INDEX.txt``), the labelled
  test set as extracted by the common ``official_splits`` layout (``official_splits/test/
  <scene>/rgb_<i>.jpg`` + ``sync_depth_<i>.png`` in mm), ``train_scenes.txt``.
* ``euroc``: the ASL folder layout (``<SEQ>/mav0/cam0/{data/<ns>.png, data.csv, sensor.yaml}``,
  ``state_groundtruth_estimate0/data.csv``) with 8-bit grey images (optionally radial-tangential
  distorted) and the ground-truth depth cache ``cam0/depth_gt/<ns>.npz`` (key ``depth``,
  metres, 0 = no ground truth) that ``EuRoCDataset`` reads.
* ``7scenes``: ``<scene>/seq-XX/frame-XXXXXX.{color.png, depth.png, pose.txt}`` with
  ``TrainSplit.txt`` / ``TestSplit.txt``.
"""
import os
import os.path as osp
from typing import List, Optional, Sequence

import cv2
import numpy as np
from scipy.spatial.transform import Rotation

JPEG_QUALITY = 95


def _mkdir(*parts: str) -> str:
    path = osp.join(*parts)
    os.makedirs(path, exist_ok=True)
    return path


def _write_rgb(path: str, rgb: np.ndarray) -> None:
    cv2.imwrite(path, rgb[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])


def _depth_mm(depth: np.ndarray) -> np.ndarray:
    return np.clip(np.round(depth * 1000), 0, 65534).astype(np.uint16)


def _write_lines(path: str, lines: Sequence[str]) -> None:
    with open(path, 'w') as f:
        f.write(''.join(f'{line}\n' for line in lines))


def write_scannet(out_dir: str, sequences: List[dict]) -> None:
    """ScanNet SensReader-export layout plus split and test lists."""
    lists = dict(train=[], test=[], depth=[], pose=[])
    for seq in sequences:
        root = _mkdir(out_dir, 'scans', seq['name'])
        for sub in ('color', 'depth', 'pose', 'intrinsic'):
            _mkdir(root, sub)
        K4 = np.eye(4)
        K4[:3, :3] = seq['K']
        for kind in ('color', 'depth'):
            np.savetxt(osp.join(root, 'intrinsic', f'intrinsic_{kind}.txt'), K4, fmt='%.6f')
        for i, (rgb, depth, pose) in enumerate(zip(seq['rgb'], seq['depth'], seq['poses'])):
            _write_rgb(osp.join(root, 'color', f'{i}.jpg'), rgb)
            cv2.imwrite(osp.join(root, 'depth', f'{i}.png'), _depth_mm(depth))
            np.savetxt(osp.join(root, 'pose', f'{i}.txt'), pose, fmt='%.8f')
        lists[seq['split']].append(seq['name'])
        if seq['split'] == 'test':
            num = len(seq['rgb'])
            lists['depth'] += [f"{seq['name']} {i}" for i in range(num)]
            lists['pose'] += [f"{seq['name']} {i} {i + 1}" for i in range(num - 1)]
    _write_lines(osp.join(out_dir, 'scannetv2_train.txt'), lists['train'])
    _write_lines(osp.join(out_dir, 'scannetv2_test.txt'), lists['test'])
    _write_lines(osp.join(out_dir, 'scannet_test_depth.txt'), lists['depth'])
    _write_lines(osp.join(out_dir, 'scannet_test_pose.txt'), lists['pose'])


def write_nyuv2(out_dir: str, sequences: List[dict]) -> None:
    """NYUv2 raw scene folders (train) and the extracted labelled test layout (test)."""
    train_scenes = []
    for s, seq in enumerate(sequences):
        if seq['split'] == 'train':
            root = _mkdir(out_dir, 'raw', seq['name'])
            index = []
            for i, rgb in enumerate(seq['rgb']):
                stamp = f'{1300000000 + 1000 * s + i / 30:.6f}'
                name = f'r-{stamp}-{1000000 + i}.ppm'
                cv2.imwrite(osp.join(root, name), rgb[..., ::-1])
                index.append(name)
            _write_lines(osp.join(root, 'INDEX.txt'), index)
            train_scenes.append(seq['name'])
        else:
            root = _mkdir(out_dir, 'official_splits', 'test', seq['name'])
            for i, (rgb, depth) in enumerate(zip(seq['rgb'], seq['depth'])):
                idx = 1000 * s + i
                _write_rgb(osp.join(root, f'rgb_{idx:05d}.jpg'), rgb)
                cv2.imwrite(osp.join(root, f'sync_depth_{idx:05d}.png'), _depth_mm(depth))
    _write_lines(osp.join(out_dir, 'train_scenes.txt'), train_scenes)


def distort_image(image: np.ndarray, K: np.ndarray, coeffs: np.ndarray) -> np.ndarray:
    """Resample a pinhole image as seen through a radial-tangential lens (same ``K``)."""
    h, w = image.shape[:2]
    ys, xs = np.meshgrid(np.arange(h, dtype=np.float32), np.arange(w, dtype=np.float32),
                         indexing='ij')
    pts = np.stack([xs.ravel(), ys.ravel()], -1)[:, None]
    undist = cv2.undistortPointsIter(pts, K, coeffs, None, K, (
        cv2.TERM_CRITERIA_COUNT | cv2.TERM_CRITERIA_EPS, 40, 1e-6))[:, 0]
    map_x = undist[:, 0].reshape(h, w).astype(np.float32)
    map_y = undist[:, 1].reshape(h, w).astype(np.float32)
    return cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


def _sensor_yaml(K: np.ndarray, coeffs: np.ndarray, width: int, height: int) -> str:
    t_bs = ', '.join(f'{v:.1f}' for v in np.eye(4).ravel())
    return ('%YAML:1.0\n'
            'sensor_type: camera\n'
            'comment: synthetic room camera\n'
            f'T_BS:\n  cols: 4\n  rows: 4\n  data: [{t_bs}]\n'
            'rate_hz: 20\n'
            f'resolution: [{width}, {height}]\n'
            'camera_model: pinhole\n'
            f'intrinsics: [{K[0, 0]:.6f}, {K[1, 1]:.6f}, {K[0, 2]:.6f}, {K[1, 2]:.6f}]\n'
            'distortion_model: radial-tangential\n'
            f'distortion_coefficients: [{", ".join(f"{c:.8f}" for c in coeffs)}]\n')


def write_euroc(out_dir: str, sequences: List[dict],
                distortion: Optional[Sequence[float]] = None) -> None:
    """EuRoC MAV ASL layout (cam0 grey images, sensor.yaml, ground-truth states, depth cache)."""
    coeffs = np.asarray(distortion if distortion is not None else [0.0] * 4, dtype=np.float64)
    for s, seq in enumerate(sequences):
        mav = _mkdir(out_dir, seq['name'], 'mav0')
        cam = _mkdir(mav, 'cam0', 'data')
        h, w = seq['rgb'].shape[1:3]
        stamps = 1403715000000000000 + s * 10**12 + np.arange(len(seq['rgb'])) * 50_000_000
        rows, states = [], []
        for stamp, rgb, pose in zip(stamps, seq['rgb'], seq['poses']):
            grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
            if distortion is not None:
                grey = distort_image(grey, seq['K'], coeffs)
            cv2.imwrite(osp.join(cam, f'{stamp}.png'), grey)
            rows.append(f'{stamp},{stamp}.png')
            q = Rotation.from_matrix(pose[:3, :3]).as_quat(scalar_first=True)
            states.append(','.join([str(stamp), *(f'{v:.9f}' for v in pose[:3, 3]),
                                    *(f'{v:.9f}' for v in q), *(['0.0'] * 9)]))
        _write_lines(osp.join(mav, 'cam0', 'data.csv'), ['#timestamp [ns],filename', *rows])
        with open(osp.join(mav, 'cam0', 'sensor.yaml'), 'w') as f:
            f.write(_sensor_yaml(seq['K'], coeffs, w, h))
        gt_dir = _mkdir(mav, 'state_groundtruth_estimate0')
        header = ('#timestamp, p_RS_R_x [m], p_RS_R_y [m], p_RS_R_z [m], q_RS_w [], q_RS_x [], '
                  'q_RS_y [], q_RS_z [], v_RS_R_x [m s^-1], v_RS_R_y [m s^-1], '
                  'v_RS_R_z [m s^-1], b_w_RS_S_x [rad s^-1], b_w_RS_S_y [rad s^-1], '
                  'b_w_RS_S_z [rad s^-1], b_a_RS_S_x [m s^-2], b_a_RS_S_y [m s^-2], '
                  'b_a_RS_S_z [m s^-2]')
        _write_lines(osp.join(gt_dir, 'data.csv'), [header, *states])
        depth_dir = _mkdir(mav, 'cam0', 'depth_gt')
        for stamp, depth in zip(stamps, seq['depth']):
            np.savez_compressed(osp.join(depth_dir, f'{stamp}.npz'), depth=depth)


def write_seven_scenes(out_dir: str, sequences: List[dict], scene: str = 'chess') -> None:
    """RGB-D 7-Scenes layout: one scene folder, one ``seq-XX`` folder per sequence."""
    root = _mkdir(out_dir, scene)
    splits = dict(train=[], test=[])
    for s, seq in enumerate(sequences, start=1):
        seq_dir = _mkdir(root, f'seq-{s:02d}')
        for i, (rgb, depth, pose) in enumerate(zip(seq['rgb'], seq['depth'], seq['poses'])):
            stem = osp.join(seq_dir, f'frame-{i:06d}')
            cv2.imwrite(f'{stem}.color.png', rgb[..., ::-1])
            cv2.imwrite(f'{stem}.depth.png', _depth_mm(depth))
            np.savetxt(f'{stem}.pose.txt', pose, fmt='%.8f')
        splits[seq['split']].append(f'sequence{s}')
    _write_lines(osp.join(root, 'TrainSplit.txt'), splits['train'])
    _write_lines(osp.join(root, 'TestSplit.txt'), splits['test'])


WRITERS = dict(scannet=write_scannet, nyuv2=write_nyuv2, euroc=write_euroc,
               **{'7scenes': write_seven_scenes})
