"""Microsoft RGB-D 7-Scenes (thesis Table 5.7; spec §4.4).

Layout::

    <data_root>/<scene>/TrainSplit.txt, TestSplit.txt      lines ``sequence<k>``
    <data_root>/<scene>/seq-<kk>/frame-<i>.color.png       RGB (640x480)
    <data_root>/<scene>/seq-<kk>/frame-<i>.depth.png       16-bit depth, mm (65535 = invalid)
    <data_root>/<scene>/seq-<kk>/frame-<i>.pose.txt        4x4 camera-to-world

Test frames: every 30th frame of the test sequences (zero-shot and after fine-tuning); training
(fine-tuning) tuples from the train sequences sub-sampled by ``frame_stride`` (10). Nominal
Kinect intrinsics ``f = 585``, principal point (320, 240); the raw release's RGB and depth are
not perfectly registered (a known caveat of the data set, not corrected here).
"""
import glob
import os.path as osp
import re
from typing import List, Sequence

from thesiscv.registry import DATASETS
from .nyuv2 import camera_matrix
from .video_depth_base import VideoDepthDataset, read_lines, read_matrix

SCENES = ('chess', 'fire', 'heads', 'office', 'pumpkin', 'redkitchen', 'stairs')


@DATASETS.register_module()
class SevenScenesDataset(VideoDepthDataset):
    """Frames of the 7-Scenes sequences.

    Args:
        scenes: scene names (default all seven).
        split: ``'train'`` or ``'test'`` sequences (``TrainSplit.txt`` / ``TestSplit.txt``).
        frame_stride: sub-sampling (30 for testing, 10 for fine-tuning tuples).
        intrinsics, image_size: pixel ``(fx, fy, cx, cy)`` at ``(W, H)``.
        depth_scale, depth_invalid_value: depth PNG units per metre and the invalid code.
        **kwargs: see :class:`VideoDepthDataset`.
    """

    def __init__(self, data_root: str, scenes: Sequence[str] = SCENES, split: str = 'test',
                 frame_stride: int = 30, intrinsics: Sequence[float] = (585., 585., 320., 240.),
                 image_size: Sequence[int] = (640, 480), depth_scale: float = 1000.0,
                 depth_invalid_value: int = 65535, **kwargs):
        if split not in ('train', 'test'):
            raise ValueError(f"SevenScenesDataset split must be 'train' or 'test', got {split!r}")
        self.scenes, self.split = tuple(scenes), split
        self.K = camera_matrix(intrinsics, image_size)
        self.depth = dict(depth_scale=depth_scale, depth_invalid_value=depth_invalid_value)
        super().__init__(data_root, frame_stride=frame_stride, **kwargs)

    def sequences(self, scene: str) -> List[str]:
        split_file = osp.join(self.data_root, scene, f'{self.split.capitalize()}Split.txt')
        folders = []
        for line in read_lines(split_file, '7-Scenes split file'):
            match = re.fullmatch(r'sequence(\d+)', line)
            if match is None:
                raise ValueError(f'{split_file}: line {line!r} is not "sequence<k>"')
            folders.append(osp.join(self.data_root, scene, f'seq-{int(match.group(1)):02d}'))
        return folders

    def load_samples(self) -> List[dict]:
        samples = []
        for scene in self.scenes:
            for folder in self.sequences(scene):
                images = sorted(glob.glob(osp.join(folder, 'frame-*.color.png')))
                if not images:
                    raise FileNotFoundError(f'7-Scenes sequence {folder} has no frames')
                frames = [dict(img_path=p, depth_path=p.replace('.color.png', '.depth.png'),
                               index=i) for i, p in enumerate(images)]
                seq = f'{scene}/{osp.basename(folder)}'
                if self.mode == 'train':
                    samples += self.sequence_tuples(frames, self.K, seq, **self.depth)
                elif self.mode == 'test':
                    samples += [self.make_sample([f], self.K, seq, (0, ), **self.depth)
                                for f in frames[::self.frame_stride]]
                else:
                    pairs = list(zip(frames[::self.frame_stride], frames[self.frame_stride::
                                                                         self.frame_stride]))
                    for pair in pairs:
                        for f in pair:
                            f['pose'] = read_matrix(f['img_path'].replace('.color.png',
                                                                          '.pose.txt'),
                                                    '7-Scenes pose')
                        samples.append(self.make_sample(list(pair), self.K, seq, (0, 1),
                                                        with_pose=True, **self.depth))
        return samples
