"""One-class digit stand-ins written as MNIST IDX files (spec 6.4.2-3; thesis Fig. 7.7).

* ``digits``: procedural "1"s and "7"s with a known anomaly mask. A "1" is one anti-aliased
  stroke (random thickness, position, slant and small rotation); a "7" is the same kind of stem
  plus a top bar, and its mask is the bar: what a one-class VAE trained on "1"s has never seen.
  Besides the four MNIST files it writes ``train-masks-idx3-ubyte`` and
  ``t10k-masks-idx3-ubyte`` (read by ``OneClassMNIST(mask_file=...)``).
* ``sklearn_digits``: scikit-learn's 1,797 real handwritten 8 x 8 digits (shipped with the
  package), upsampled bilinearly to 28 x 28, split 80/20 into the train and t10k files.
"""
import os
import os.path as osp

import cv2
import numpy as np

from thesiscv.datasets.mnist import write_idx
from .registry import register_generator

SIZE = 28


def stroke_coverage(p0: np.ndarray, p1: np.ndarray, width: np.ndarray, supersample: int = 4
                    ) -> np.ndarray:
    """Anti-aliased coverage of thick segments ``p0 -> p1`` (``(N, 2)`` as x, y px):
    ``(N, 28, 28)`` in ``[0, 1]``."""
    grid = (np.arange(SIZE * supersample) + 0.5) / supersample
    px, py = grid[None, None, :], grid[None, :, None]
    d = (p1 - p0)[:, :, None, None]
    rx, ry = px - p0[:, 0, None, None], py - p0[:, 1, None, None]
    t = np.clip((rx * d[:, 0] + ry * d[:, 1]) / (d[:, 0] ** 2 + d[:, 1] ** 2 + 1e-9), 0, 1)
    dist2 = (rx - t * d[:, 0]) ** 2 + (ry - t * d[:, 1]) ** 2
    inside = dist2 <= (width[:, None, None] / 2) ** 2
    return inside.reshape(len(p0), SIZE, supersample, SIZE, supersample).mean(axis=(2, 4))


def rotate(points: np.ndarray, angle: np.ndarray) -> np.ndarray:
    """Rotate ``(N, 2)`` points about the image centre by ``angle`` ``(N,)`` radians."""
    c = SIZE / 2
    cos, sin = np.cos(angle), np.sin(angle)
    x, y = points[:, 0] - c, points[:, 1] - c
    return np.stack([cos * x - sin * y + c, sin * x + cos * y + c], 1)


def draw_digits(digits: np.ndarray, rng: np.random.Generator):
    """Images and bar masks (uint8 0..255) of procedural "1"s and "7"s, ``(N, 28, 28)`` each."""
    n = len(digits)
    bottom = np.stack([rng.uniform(11, 17, n), rng.uniform(21, 24, n)], 1)
    top = np.stack([bottom[:, 0] + rng.uniform(-3, 3, n), rng.uniform(4, 7, n)], 1)
    width = rng.uniform(2.0, 3.2, n)
    angle = np.deg2rad(rng.uniform(-10, 10, n))
    bar_left = top - np.stack([rng.uniform(7, 11, n), np.zeros(n)], 1)
    stem = stroke_coverage(rotate(top, angle), rotate(bottom, angle), width)
    bar = stroke_coverage(rotate(bar_left, angle), rotate(top, angle), width)
    bar *= (digits == 7)[:, None, None]
    image = np.maximum(stem, bar)
    return (image * 255).round().astype(np.uint8), ((bar >= 0.5) * 255).astype(np.uint8)


@register_generator('digits', default_dir='data/digits_synthetic')
def generate_digits(out_dir: str, seed: int = 0, num_train: int = 4000, num_test: int = 1000
                    ) -> None:
    """Procedural "1"/"7" MNIST IDX files with top-bar masks of the "7"s."""
    rng = np.random.default_rng(seed)
    os.makedirs(out_dir, exist_ok=True)
    for prefix, num in (('train', num_train), ('t10k', num_test)):
        digits = rng.choice(np.array([1, 7], np.uint8), num)
        images, masks = draw_digits(digits, rng)
        write_idx(osp.join(out_dir, f'{prefix}-images-idx3-ubyte'), images)
        write_idx(osp.join(out_dir, f'{prefix}-labels-idx1-ubyte'), digits)
        write_idx(osp.join(out_dir, f'{prefix}-masks-idx3-ubyte'), masks)


@register_generator('sklearn_digits', default_dir='data/sklearn_digits')
def generate_sklearn_digits(out_dir: str, seed: int = 0, test_fraction: float = 0.2) -> None:
    """scikit-learn's real 8x8 handwritten digits, upsampled to 28x28 MNIST IDX files."""
    from sklearn.datasets import load_digits
    data = load_digits()
    images = np.stack([cv2.resize(img, (SIZE, SIZE), interpolation=cv2.INTER_LINEAR)
                       for img in data.images.astype(np.float32) / 16.0])
    images = (images.clip(0, 1) * 255).round().astype(np.uint8)
    order = np.random.default_rng(seed).permutation(len(images))
    num_test = int(round(test_fraction * len(images)))
    os.makedirs(out_dir, exist_ok=True)
    for prefix, idx in (('train', order[num_test:]), ('t10k', order[:num_test])):
        write_idx(osp.join(out_dir, f'{prefix}-images-idx3-ubyte'), images[idx])
        write_idx(osp.join(out_dir, f'{prefix}-labels-idx1-ubyte'),
                  data.target[idx].astype(np.uint8))
