"""ScanNet v2 as exported by the official SensReader (thesis Tables 5.4-5.6; spec §4.3).

Layout under ``data_root``::

    scannetv2_train.txt / scannetv2_test.txt       scene lists (one scene id per line)
    <scans_dir>/<scene>/color/<i>.jpg               colour frames (1296x968 in ScanNet)
    <scans_dir>/<scene>/depth/<i>.png               16-bit depth in millimetres (640x480)
    <scans_dir>/<scene>/pose/<i>.txt                4x4 camera-to-world pose
    <scans_dir>/<scene>/intrinsic/intrinsic_color.txt   4x4 pixel intrinsics of the colour camera

Modes: ``train`` (all scenes of ``split_file``, ``frame_stride`` sub-sampling, optional random
``num_samples``), ``test`` (``list_file`` lines ``<scene> <frame>``, or ``frames_per_scene``
evenly spaced frames of each scene of ``split_file``) and ``pose`` (``list_file`` lines
``<scene> <frame> <frame>``: target and source; ground truth ``P_s^-1 P_t``). Scenes with
invalid (non-finite) poses are reported, not silently used.
"""
import os
import os.path as osp
from typing import Dict, List, Optional

import numpy as np
from PIL import Image

from thesiscv.registry import DATASETS
from .video_depth_base import (VideoDepthDataset, check_intrinsics, read_lines,
                               read_matrix)
from .transforms.frame_geometry import normalized_intrinsics


@DATASETS.register_module()
class ScanNetDataset(VideoDepthDataset):
    """ScanNet frames, frame tuples and pose pairs.

    Args:
        split_file: scene list (relative to ``data_root``).
        list_file: test list (``test``/``pose`` modes), relative to ``data_root``.
        scans_dir: folder of the scene exports (``scans`` or ``scans_test``).
        frames_per_scene: test frames per scene when there is no ``list_file``.
        depth_scale: depth PNG units per metre.
        **kwargs: see :class:`VideoDepthDataset`.
    """

    def __init__(self, data_root: str, split_file: str = 'scannetv2_train.txt',
                 list_file: Optional[str] = None, scans_dir: str = 'scans',
                 frames_per_scene: int = 40, depth_scale: float = 1000.0, **kwargs):
        self.split_file = split_file
        self.list_file = list_file
        self.scans_dir = scans_dir
        self.frames_per_scene = frames_per_scene
        self.depth_scale = depth_scale
        self._intrinsics: Dict[str, np.ndarray] = {}
        super().__init__(data_root, **kwargs)

    def scene_dir(self, scene: str) -> str:
        return osp.join(self.data_root, self.scans_dir, scene)

    def frame(self, scene: str, index: int, pose: bool = False) -> dict:
        root = self.scene_dir(scene)
        out = dict(img_path=osp.join(root, 'color', f'{index}.jpg'),
                   depth_path=osp.join(root, 'depth', f'{index}.png'), index=index)
        if pose:
            out['pose'] = read_matrix(osp.join(root, 'pose', f'{index}.txt'), 'ScanNet pose')
        return out

    def intrinsics(self, scene: str, index: int) -> np.ndarray:
        """Normalized colour intrinsics of a scene (image size from a colour frame)."""
        if scene not in self._intrinsics:
            path = osp.join(self.scene_dir(scene), 'intrinsic', 'intrinsic_color.txt')
            K = check_intrinsics(read_matrix(path, 'ScanNet intrinsics', ((4, 4), (3, 3))), path)
            image = self.frame(scene, index)['img_path']
            if not osp.isfile(image):
                raise FileNotFoundError(f'ScanNet frame {image} does not exist')
            width, height = Image.open(image).size
            self._intrinsics[scene] = normalized_intrinsics(K, height, width)
        return self._intrinsics[scene]

    def scene_frames(self, scene: str) -> List[int]:
        color = osp.join(self.scene_dir(scene), 'color')
        if not osp.isdir(color):
            raise FileNotFoundError(f'ScanNet scene folder {color} does not exist '
                                    f'(scene listed in {self.split_file})')
        return sorted(int(name[:-4]) for name in os.listdir(color) if name.endswith('.jpg'))

    def load_samples(self) -> List[dict]:
        common = dict(depth_scale=self.depth_scale)
        if self.mode != 'train' and self.list_file is not None:
            return self.load_list(common)
        scenes = read_lines(osp.join(self.data_root, self.split_file), 'ScanNet scene list')
        samples = []
        for scene in scenes:
            frames = self.scene_frames(scene)
            if not frames:
                raise FileNotFoundError(f'ScanNet scene {scene} has no colour frames')
            K = self.intrinsics(scene, frames[0])
            if self.mode == 'train':
                samples += self.sequence_tuples([self.frame(scene, i) for i in frames], K,
                                                scene, **common)
            elif self.mode == 'test':
                sub = frames[::self.frame_stride]
                pick = np.unique(np.linspace(0, len(sub) - 1, self.frames_per_scene).round())
                samples += [self.make_sample([self.frame(scene, sub[int(i)])], K, scene, (0,),
                                             **common) for i in pick]
            else:
                raise ValueError('ScanNetDataset mode=pose needs a list_file of frame pairs')
        return samples

    def load_list(self, common: dict) -> List[dict]:
        path = osp.join(self.data_root, self.list_file)
        expected = 2 if self.mode == 'test' else 3
        samples, skipped = [], 0
        for line in read_lines(path, 'ScanNet test list'):
            parts = line.split()
            if len(parts) != expected:
                raise ValueError(f'{path}: line {line!r} should have {expected} fields '
                                 f'(<scene> <frame>{" <frame>" if expected == 3 else ""})')
            scene, indices = parts[0], [int(p) for p in parts[1:]]
            frames = [self.frame(scene, i, pose=self.mode == 'pose') for i in indices]
            for f in frames:
                if not osp.isfile(f['img_path']):
                    raise FileNotFoundError(f'ScanNet frame {f["img_path"]} (listed in {path}) '
                                            'does not exist')
            if self.mode == 'pose' and not all(np.isfinite(f['pose']).all() for f in frames):
                skipped += 1
                continue
            frame_ids = (0,) if expected == 2 else (0, 1 if indices[1] > indices[0] else -1)
            samples.append(self.make_sample(frames, self.intrinsics(scene, indices[0]), scene,
                                            frame_ids, with_pose=self.mode == 'pose', **common))
        self.log_skipped(skipped, 'a ground-truth pose is not finite (ScanNet marks lost '
                         'tracking with -inf)')
        return samples
