"""Synthetic defects in the MVTec-AD folder layout (spec 6.4.4; thesis Sec. 7.5.3 stand-in).

Categories (each a separate one-class problem, as in MVTec):

* textures: ``stripes`` (colour; a sinusoid of random phase and slight random frequency, plus
  Gaussian noise), ``grid`` (grayscale like MVTec's grid; periodic dark lines with random
  offset), ``brick`` (grayscale; random crops of scikit-image's brick-wall photograph);
* objects, centred with small pose jitter on a plain background: ``object`` (a disk or
  rounded square with a darker rim), ``nut`` (a metallic hexagonal nut with a round hole, at a
  random angle) and ``capsule`` (a two-coloured capsule).

Test images carry one defect each, of four types, with a mask: ``scratch`` (a thick line of
inverted intensity), ``hole`` (a dark disk), ``stain`` (a blob of shifted colour) and
``missing`` (a region filled with the background colour). On objects the defect is centred on
the object and its mask is cut to the object. Written as ``{category}/train/good/NNN.png``,
``{category}/test/{good,<type>}/NNN.png`` and ``{category}/ground_truth/<type>/NNN_mask.png``
(0/255), which ``MVTecADDataset`` reads.
"""
import os
import os.path as osp
from typing import Callable, Dict, Optional, Sequence, Tuple

import cv2
import numpy as np

from .registry import register_generator

DEFECT_TYPES = ('scratch', 'hole', 'stain', 'missing')


def _coords(size: int) -> Tuple[np.ndarray, np.ndarray]:
    return np.meshgrid(np.arange(size, dtype=np.float32), np.arange(size, dtype=np.float32))


def stripes(rng: np.random.Generator, size: int) -> Tuple[np.ndarray, None]:
    x, y = _coords(size)
    freq = 2 * np.pi / (size / 8) * rng.uniform(0.95, 1.05)
    wave = 0.5 + 0.35 * np.sin(freq * (x + 0.3 * y) + rng.uniform(0, 2 * np.pi))
    colour = np.array([0.35, 0.55, 0.85], np.float32)  # BGR
    img = wave[..., None] * colour + 0.1
    return img + rng.normal(0, 0.03, img.shape).astype(np.float32), None


def grid(rng: np.random.Generator, size: int) -> Tuple[np.ndarray, None]:
    x, y = _coords(size)
    period = size / 8
    ox, oy = rng.uniform(0, period, 2)
    # distance to the nearest grid line = period/2 - distance to the cell centre
    centre = np.maximum(np.abs((x + ox) % period - period / 2),
                        np.abs((y + oy) % period - period / 2))
    img = 0.75 - 0.5 * np.exp(-(period / 2 - centre) ** 2 / 2.0)
    return img + rng.normal(0, 0.03, img.shape).astype(np.float32), None


def brick(rng: np.random.Generator, size: int) -> Tuple[np.ndarray, None]:
    from skimage.data import brick as brick_photo
    photo = brick_photo().astype(np.float32) / 255.0
    crop = 2 * size
    r, c = rng.integers(0, photo.shape[0] - crop, 2)
    return cv2.resize(photo[r:r + crop, c:c + crop], (size, size),
                      interpolation=cv2.INTER_AREA), None


BACKGROUND = np.array([0.15, 0.15, 0.15], np.float32)


def disk_object(rng: np.random.Generator, size: int) -> Tuple[np.ndarray, np.ndarray]:
    x, y = _coords(size)
    cx, cy = size / 2 + rng.normal(0, size / 64, 2)
    radius = size * 0.3 * rng.uniform(0.97, 1.03)
    if rng.random() < 0.5:
        dist = np.hypot(x - cx, y - cy)
    else:  # rounded square (superellipse)
        dist = ((np.abs(x - cx) ** 4 + np.abs(y - cy) ** 4) ** 0.25)
    body = np.clip(radius - dist, 0, 1)
    rim = np.exp(-((dist - radius * 0.85) ** 2) / (2 * (size / 64) ** 2))
    colour = np.array([0.3, 0.65, 0.8], np.float32)
    img = BACKGROUND + body[..., None] * (colour - BACKGROUND) - 0.25 * (body * rim)[..., None]
    return img + rng.normal(0, 0.01, img.shape).astype(np.float32), body > 0.5


def nut(rng: np.random.Generator, size: int) -> Tuple[np.ndarray, np.ndarray]:
    x, y = _coords(size)
    cx, cy = size / 2 + rng.normal(0, size / 64, 2)
    angle = rng.uniform(0, np.pi / 3)
    u, v = x - cx, y - cy
    # a regular hexagon: the largest projection on the six face normals
    faces = np.max([np.abs(np.cos(angle + k * np.pi / 3) * u + np.sin(angle + k * np.pi / 3) * v)
                    for k in range(3)], axis=0)
    radius = np.hypot(u, v)
    body = (faces <= size * 0.3) & (radius >= size * 0.11)
    shade = 0.55 + 0.25 * (u - v) / (size * 0.6)  # brushed-metal light gradient
    img = np.where(body[..., None], shade[..., None] * np.array([0.9, 0.9, 0.95], np.float32),
                   BACKGROUND)
    return img + rng.normal(0, 0.01, img.shape).astype(np.float32), body


def capsule(rng: np.random.Generator, size: int) -> Tuple[np.ndarray, np.ndarray]:
    x, y = _coords(size)
    cx, cy = size / 2 + rng.normal(0, size / 64, 2)
    half, radius = size * 0.28, size * 0.12
    along = np.clip(x - cx, -half, half)
    body = np.hypot(x - cx - along, y - cy) <= radius
    colours = np.where((x < cx)[..., None], np.array([0.2, 0.3, 0.85], np.float32),
                       np.array([0.85, 0.85, 0.8], np.float32))
    img = np.where(body[..., None], colours, BACKGROUND)
    return img + rng.normal(0, 0.01, img.shape).astype(np.float32), body


CATEGORIES: Dict[str, Tuple[Callable, bool]] = dict(  # name: (generator, colour)
    stripes=(stripes, True), grid=(grid, False), brick=(brick, False),
    object=(disk_object, True), nut=(nut, True), capsule=(capsule, True))


def defect_mask(kind: str, rng: np.random.Generator, size: int,
                region: Optional[np.ndarray] = None) -> np.ndarray:
    """A boolean ``(size, size)`` mask of one defect: centred in the middle of the image, or
    on ``region`` (an object's pixels) and cut to it."""
    mask = np.zeros((size, size), np.uint8)
    if region is None:
        centre = rng.uniform(0.3, 0.7, 2) * size
    else:
        ys, xs = np.nonzero(region)
        pick = rng.integers(len(xs))
        centre = np.array([xs[pick], ys[pick]], np.float64)
    if kind == 'scratch':
        angle = rng.uniform(0, np.pi)
        half = rng.uniform(0.12, 0.22) * size * np.array([np.cos(angle), np.sin(angle)])
        p0, p1 = (centre - half).astype(int), (centre + half).astype(int)
        cv2.line(mask, tuple(int(v) for v in p0), tuple(int(v) for v in p1), 1,
                 thickness=max(2, size // 40))
    elif kind == 'hole':
        cv2.circle(mask, tuple(int(v) for v in centre), int(rng.uniform(0.05, 0.09) * size), 1,
                   -1)
    else:  # stain, missing: an irregular blob
        axes = tuple(int(v) for v in rng.uniform(0.06, 0.12, 2) * size)
        cv2.ellipse(mask, tuple(int(v) for v in centre), axes, rng.uniform(0, 180), 0, 360, 1,
                    -1)
    mask = mask.astype(bool)
    return mask if region is None else mask & region


def add_defect(img: np.ndarray, kind: str, mask: np.ndarray, rng: np.random.Generator
               ) -> np.ndarray:
    """Paint defect ``kind`` into ``img`` (float, ``H x W [x C]``) under ``mask``."""
    out = img.copy()
    if kind == 'scratch':
        out[mask] = 1.0 - out[mask]
    elif kind == 'hole':
        out[mask] = 0.05
    elif kind == 'stain':
        shift = rng.uniform(0.25, 0.4) * (rng.choice([-1, 1], img.shape[2:] or (1, )))
        out[mask] = out[mask] + (shift if img.ndim == 3 else shift[0])
    else:  # missing: the background (the image's median, the plain one for objects)
        out[mask] = np.median(img.reshape(-1, *img.shape[2:]), axis=0)
    return out


def to_uint8(img: np.ndarray) -> np.ndarray:
    return (np.clip(img, 0, 1) * 255).round().astype(np.uint8)


@register_generator('defects', default_dir='data/defects_synthetic')
def generate(out_dir: str, seed: int = 0,
             categories: Sequence[str] = ('stripes', 'grid', 'brick', 'object', 'nut',
                                          'capsule'),
             size: int = 128, num_train: int = 160, num_test_good: int = 20,
             num_test_per_defect: int = 10) -> None:
    """MVTec-AD-format textures and objects with masked defects."""
    unknown = set(categories) - set(CATEGORIES)
    if unknown:
        raise KeyError(f'unknown categories {sorted(unknown)}; choose from {sorted(CATEGORIES)}')
    for ci, category in enumerate(categories):
        make, colour = CATEGORIES[category]
        rng = np.random.default_rng([seed, ci])
        root = osp.join(out_dir, category)
        jobs = [('train', 'good', i) for i in range(num_train)]
        jobs += [('test', 'good', i) for i in range(num_test_good)]
        jobs += [('test', kind, i) for kind in DEFECT_TYPES for i in range(num_test_per_defect)]
        for split, kind, i in jobs:
            img, region = make(rng, size)
            folder = osp.join(root, split, kind)
            os.makedirs(folder, exist_ok=True)
            if kind != 'good':
                mask = defect_mask(kind, rng, size, region)
                img = add_defect(img, kind, mask, rng)
                gt_dir = osp.join(root, 'ground_truth', kind)
                os.makedirs(gt_dir, exist_ok=True)
                cv2.imwrite(osp.join(gt_dir, f'{i:03d}_mask.png'), mask.astype(np.uint8) * 255)
            if not colour and img.ndim == 3:
                img = img.mean(2)
            cv2.imwrite(osp.join(folder, f'{i:03d}.png'), to_uint8(img))
