"""Synthetic walkway clips in the UCSD Ped1 layout (spec 6.4.5; thesis Sec. 7.5.2 stand-in).

A static textured walkway (a lighter band over grass-like noise) seen by a fixed camera, 158 x 238
grayscale like UCSD Ped1. Pedestrians are small vertical dark blobs walking slowly up or down
the walkway. In test clips an abnormal object enters for a range of frames: a ``cart`` (a large
bright rectangle) or a ``bike`` (a wide horizontal blob moving fast). Written as
``Train/TrainNNN/NNN.tif``, ``Test/TestNNN/NNN.tif``, pixel masks ``Test/TestNNN_gt/NNN.bmp``
(0/255) for the first ``num_gt_clips`` test clips, and the frame ranges of every test clip in
``Test/UCSDped1.m`` (``TestVideoFile{i}.gt_frame = [a:b];``), which ``UCSDPedDataset`` reads.
"""
import os
import os.path as osp
from typing import List, Tuple

import cv2
import numpy as np

from .registry import register_generator

HEIGHT, WIDTH = 158, 238


def background(rng: np.random.Generator) -> np.ndarray:
    """The static scene: float ``(H, W)`` in [0, 1]."""
    noise = cv2.GaussianBlur(rng.normal(0, 1, (HEIGHT, WIDTH)).astype(np.float32), (0, 0), 2)
    x = np.arange(WIDTH, dtype=np.float32)
    band = 1 / (1 + np.exp(-(x - 60) / 4)) * (1 - 1 / (1 + np.exp(-(x - 180) / 4)))
    return 0.35 + 0.25 * band[None, :] + 0.04 * noise


def blob(shape: Tuple[int, int], cx: float, cy: float, rx: float, ry: float) -> np.ndarray:
    """Boolean ellipse mask."""
    y, x = np.ogrid[:shape[0], :shape[1]]
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1


def render_clip(rng: np.random.Generator, num_frames: int, abnormal: str = None
                ) -> Tuple[List[np.ndarray], List[np.ndarray], Tuple[int, int]]:
    """Frames (uint8), abnormal-object masks (bool) and the abnormal frame range (1-based)."""
    scene = background(rng)
    num_people = rng.integers(4, 8)
    px = rng.uniform(70, 170, num_people)
    py = rng.uniform(10, HEIGHT - 10, num_people)
    vy = rng.choice([-1, 1], num_people) * rng.uniform(0.4, 0.9, num_people)
    start = int(rng.integers(num_frames // 5, num_frames // 2))
    stop = int(min(num_frames, start + rng.integers(num_frames // 3, num_frames // 2)))
    ax, ay = rng.uniform(80, 100), rng.uniform(30, HEIGHT - 30)
    speed = 1.0 if abnormal == 'cart' else 3.5
    frames, masks = [], []
    for t in range(num_frames):
        img = scene.copy()
        for i in range(num_people):
            y = (py[i] + vy[i] * t) % HEIGHT
            img[blob(img.shape, px[i] + 0.3 * np.sin(t / 3 + i), y, 3, 8)] = 0.15
        mask = np.zeros((HEIGHT, WIDTH), bool)
        if abnormal and start <= t + 1 <= stop:
            x = ax + speed * (t + 1 - start)
            if abnormal == 'cart':
                mask[int(ay) - 9:int(ay) + 9, int(x) - 13:int(x) + 13] = True
                img[mask] = 0.9
            else:
                mask = blob(img.shape, x, ay, 14, 6)
                img[mask] = 0.75
        noisy = img + rng.normal(0, 0.015, img.shape)
        frames.append((np.clip(noisy, 0, 1) * 255).round().astype(np.uint8))
        masks.append(mask)
    return frames, masks, (start, stop)


@register_generator('ped', default_dir='data/ped_synthetic/UCSDped1')
def generate(out_dir: str, seed: int = 0, num_train_clips: int = 8, num_test_clips: int = 6,
             num_frames: int = 40, num_gt_clips: int = 4) -> None:
    """UCSD-Ped1-format walkway clips with masked abnormal objects (carts, bikes)."""
    rng = np.random.default_rng(seed)
    ranges = []
    for split, count in (('Train', num_train_clips), ('Test', num_test_clips)):
        for c in range(1, count + 1):
            kind = None if split == 'Train' else ('cart', 'bike')[c % 2]
            frames, masks, frame_range = render_clip(rng, num_frames, kind)
            clip_dir = osp.join(out_dir, split, f'{split}{c:03d}')
            os.makedirs(clip_dir, exist_ok=True)
            for t, frame in enumerate(frames, start=1):
                cv2.imwrite(osp.join(clip_dir, f'{t:03d}.tif'), frame)
            if split == 'Test':
                ranges.append(frame_range)
                if c <= num_gt_clips:
                    gt_dir = clip_dir + '_gt'
                    os.makedirs(gt_dir, exist_ok=True)
                    for t, mask in enumerate(masks, start=1):
                        cv2.imwrite(osp.join(gt_dir, f'{t:03d}.bmp'), mask.astype(np.uint8) * 255)
    lines = [f'TestVideoFile{{{i}}}.gt_frame = [{a}:{b}];' for i, (a, b) in
             enumerate(ranges, start=1)]
    with open(osp.join(out_dir, 'Test', 'UCSDped1.m'), 'w') as f:
        f.write('TestVideoFile = {};\n' + '\n'.join(lines) + '\n')
