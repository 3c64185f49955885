"""Ground-truth depth for EuRoC MAV test frames by projecting the room's laser scan (thesis
§5.4.1: "projecting Vicon 3D scans onto the image planes"; spec §4.2).

    python tools/data/euroc/make_depth_gt.py DATA_ROOT SEQ [SEQ ...] [--cloud PLY]
        [--stride N] [--min-pixels 1000]

For every ``stride``-th cam0 frame inside the ground-truth time range, the point cloud
(``<seq>/mav0/pointcloud0/data.ply`` unless ``--cloud`` is given; transformed by its
``sensor.yaml`` T_BS when present) is moved into the camera with the interpolated ground-truth
pose and ``T_BS`` of cam0, z-buffered at full resolution with the pinhole K (the undistorted
image) and written to ``<seq>/mav0/cam0/depth_gt/<ns>.npz`` (key ``depth``, metres, 0 = none)
when at least ``min_pixels`` pixels get a depth, which EuRoCDataset(mode='test') reads.
"""
import argparse
import os
import os.path as osp
import sys

import numpy as np

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))))

from thesiscv.datasets.euroc import EuRoCDataset, project_point_cloud, read_sensor_yaml  # noqa

_PLY_TYPES = dict(float='f4', float32='f4', double='f8', float64='f8', uchar='u1', uint8='u1',
                  char='i1', int8='i1', ushort='u2', uint16='u2', short='i2', int16='i2',
                  uint='u4', uint32='u4', int='i4', int32='i4')


def read_ply_points(path: str) -> np.ndarray:
    """``(N, 3)`` vertex positions of an ASCII or binary little-endian PLY file."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'point cloud {path} does not exist (the Vicon-room downloads '
                                'carry mav0/pointcloud0/data.ply; or pass --cloud)')
    with open(path, 'rb') as f:
        if f.readline().strip() != b'ply':
            raise ValueError(f'{path} is not a PLY file')
        fmt, count, props, in_vertex = None, 0, [], False
        for raw in f:
            words = raw.decode('ascii').split()
            if not words:
                continue
            if words[0] == 'format':
                fmt = words[1]
            elif words[0] == 'element':
                in_vertex = words[1] == 'vertex'
                if in_vertex:
                    count = int(words[2])
            elif words[0] == 'property' and in_vertex:
                props.append((words[-1], _PLY_TYPES[words[1]]))
            elif words[0] == 'end_header':
                break
        if fmt == 'ascii':
            data = np.loadtxt(f, max_rows=count, ndmin=2)
            names = [p[0] for p in props]
            return data[:, [names.index(k) for k in 'xyz']].astype(np.float64)
        if fmt != 'binary_little_endian':
            raise ValueError(f'{path}: PLY format {fmt} is not supported')
        data = np.frombuffer(f.read(count * np.dtype([(n, '<' + t) for n, t in props]).itemsize),
                             dtype=[(n, '<' + t) for n, t in props], count=count)
        return np.stack([data[k] for k in 'xyz'], -1).astype(np.float64)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('data_root')
    parser.add_argument('sequences', nargs='+')
    parser.add_argument('--cloud', help='PLY point cloud '
                        '(default: <seq>/mav0/pointcloud0/data.ply)')
    parser.add_argument('--stride', type=int, default=1)
    parser.add_argument('--min-pixels', type=int, default=1000)
    args = parser.parse_args()
    for seq in args.sequences:
        mav = osp.join(args.data_root, seq, 'mav0')
        points = read_ply_points(args.cloud or osp.join(mav, 'pointcloud0', 'data.ply'))
        cloud_yaml = osp.join(mav, 'pointcloud0', 'sensor.yaml')
        if osp.isfile(cloud_yaml):
            import yaml
            with open(cloud_yaml) as f:
                t = yaml.safe_load(''.join(line for line in f if not line.startswith('%')))
            t = np.asarray(t['T_BS']['data'], dtype=np.float64).reshape(4, 4) if 'T_BS' in t \
                else np.eye(4)
            points = points @ t[:3, :3].T + t[:3, 3]
        calib = read_sensor_yaml(osp.join(mav, 'cam0', 'sensor.yaml'))
        dataset = EuRoCDataset(args.data_root, sequences=[seq], mode='pose', lazy_init=True)
        frames = dataset.load_sequence(seq)['frames'][::args.stride]
        out_dir = osp.join(mav, 'cam0', 'depth_gt')
        os.makedirs(out_dir, exist_ok=True)
        written = 0
        for frame in frames:
            if frame['pose'] is None:
                continue
            depth = project_point_cloud(points, frame['pose'], calib['K'], calib['width'],
                                        calib['height'])
            if (depth > 0).sum() >= args.min_pixels:
                np.savez_compressed(frame['depth_path'], depth=depth)
                written += 1
        print(f'{seq}: wrote {written} of {len(frames)} depth maps to {out_dir}')


if __name__ == '__main__':
    main()
