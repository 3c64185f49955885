"""NYU Depth V2 (thesis Table 5.1; spec §4.1): raw video scenes for self-supervised training and
the 654 labelled test images.

Raw training layout (the official raw release, one folder per scene)::

    <data_root>/<raw_dir>/<scene>/r-<timestamp>-<n>.ppm      RGB frames (640x480)
    <data_root>/<raw_dir>/<scene>/INDEX.txt                   (optional) capture order
    <data_root>/<scene_list>                                  training scene names

Frames are ordered by INDEX.txt (or their timestamps), sub-sampled 10x in time, undistorted with
the Kinect RGB calibration (``intrinsics``/``distortion``, passed to the ``Undistort`` step) and
usually border-cropped (``CropBorder``) in the pipeline.

Labelled test layout, as extracted from ``nyu_depth_v2_labeled.mat`` + ``splits.mat`` by the
widely used ``official_splits`` extraction (654 images)::

    <data_root>/<test_dir>/<scene>/rgb_<i>.jpg               RGB (640x480)
    <data_root>/<test_dir>/<scene>/sync_depth_<i>.png        16-bit depth, millimetres

Evaluate with the Eigen crop (``DepthMetric(crop='eigen_nyu')``), caps 0.1-10 m.
"""
import glob
import os.path as osp
from typing import List, Optional, Sequence

import numpy as np

from thesiscv.registry import DATASETS
from .transforms.frame_geometry import normalized_intrinsics
from .video_depth_base import VideoDepthDataset, read_lines

#: Kinect RGB camera of the NYU toolbox (``fx, fy, cx, cy`` at 640x480).
NYU_INTRINSICS = (518.8579, 519.4696, 325.5824, 253.7362)
#: its distortion (OpenCV order k1, k2, p1, p2, k3).
NYU_DISTORTION = (0.2079661532, -0.5861382516, 0.0007223136, 0.0010479627, 0.4985698668)


def camera_matrix(intrinsics: Sequence[float], image_size: Sequence[int]) -> np.ndarray:
    """Normalized 4x4 K from ``(fx, fy, cx, cy)`` in pixels of an image of ``(W, H)``."""
    fx, fy, cx, cy = intrinsics
    if fx <= 0 or fy <= 0:
        raise ValueError(f'intrinsics must have positive focal lengths, got {intrinsics}')
    K = np.array([[fx, 0, cx], [0, fy, cy], [0, 0, 1.0]])
    return normalized_intrinsics(K, image_size[1], image_size[0])


@DATASETS.register_module()
class NYUv2RawDataset(VideoDepthDataset):
    """Frame tuples of the NYUv2 raw scenes.

    Args:
        scene_list: file (relative to ``data_root``) naming the training scenes.
        raw_dir: folder of the scene folders.
        intrinsics, image_size: pixel ``(fx, fy, cx, cy)`` at ``(W, H)``.
        distortion: OpenCV coefficients given to ``Undistort`` (None: already rectified).
        frame_stride: temporal sub-sampling (10).
        **kwargs: see :class:`VideoDepthDataset` (``mode='train'`` only).
    """

    def __init__(self, data_root: str, scene_list: str = 'train_scenes.txt',
                 raw_dir: str = 'raw', intrinsics: Sequence[float] = NYU_INTRINSICS,
                 image_size: Sequence[int] = (640, 480),
                 distortion: Optional[Sequence[float]] = NYU_DISTORTION, frame_stride: int = 10,
                 **kwargs):
        self.scene_list, self.raw_dir = scene_list, raw_dir
        self.K = camera_matrix(intrinsics, image_size)
        self.distortion = None if distortion is None else tuple(distortion)
        super().__init__(data_root, frame_stride=frame_stride, **kwargs)

    def scene_frames(self, scene: str) -> List[str]:
        """RGB frame names of a scene in capture order."""
        root = osp.join(self.data_root, self.raw_dir, scene)
        if not osp.isdir(root):
            raise FileNotFoundError(f'NYUv2 raw scene folder {root} does not exist '
                                    f'(listed in {self.scene_list})')
        index = osp.join(root, 'INDEX.txt')
        if osp.isfile(index):
            names = [n for n in read_lines(index, 'NYUv2 index') if n.startswith('r-')]
        else:
            names = sorted((osp.basename(p) for p in glob.glob(osp.join(root, 'r-*.ppm'))),
                           key=lambda n: float(n.split('-')[1]))
        return [osp.join(root, n) for n in names]

    def load_samples(self) -> List[dict]:
        if self.mode != 'train':
            raise ValueError('NYUv2RawDataset serves training tuples; use NYUv2LabeledDataset '
                             'for the 654 test images')
        samples = []
        for scene in read_lines(osp.join(self.data_root, self.scene_list), 'NYUv2 scene list'):
            frames = [dict(img_path=p, index=i) for i, p in enumerate(self.scene_frames(scene))]
            samples += self.sequence_tuples(frames, self.K, scene, distortion=self.distortion)
        return samples


@DATASETS.register_module()
class NYUv2LabeledDataset(VideoDepthDataset):
    """The labelled NYUv2 test images with dense ground truth.

    Args:
        test_dir: folder of the extracted test set (``official_splits/test``).
        intrinsics, image_size: pixel ``(fx, fy, cx, cy)`` at ``(W, H)``.
        depth_scale: PNG units per metre (1000).
        expected_num: number of images the set must have (654 for the official split; None to
            accept any).
    """

    def __init__(self, data_root: str, test_dir: str = 'official_splits/test',
                 intrinsics: Sequence[float] = NYU_INTRINSICS,
                 image_size: Sequence[int] = (640, 480), depth_scale: float = 1000.0,
                 expected_num: Optional[int] = 654, **kwargs):
        self.test_dir = test_dir
        self.K = camera_matrix(intrinsics, image_size)
        self.depth_scale = depth_scale
        self.expected_num = expected_num
        super().__init__(data_root, mode='test', frame_ids=(0, ), **kwargs)

    def load_samples(self) -> List[dict]:
        images = sorted(glob.glob(osp.join(self.data_root, self.test_dir, '*', 'rgb_*.jpg')))
        if self.expected_num is not None and len(images) != self.expected_num:
            raise ValueError(f'NYUv2LabeledDataset: found {len(images)} test images under '
                             f'{osp.join(self.data_root, self.test_dir)}, expected '
                             f'{self.expected_num} (set expected_num=None to accept any)')
        samples = []
        for path in images:
            depth = osp.join(osp.dirname(path),
                             osp.basename(path).replace('rgb_', 'sync_depth_')[:-4] + '.png')
            if not osp.isfile(depth):
                raise FileNotFoundError(f'ground-truth depth {depth} of {path} does not exist')
            index = int(osp.basename(path)[4:-4])
            frame = dict(img_path=path, depth_path=depth, index=index)
            samples.append(self.make_sample([frame], self.K, osp.basename(osp.dirname(path)),
                                            (0, ), depth_scale=self.depth_scale))
        return samples
