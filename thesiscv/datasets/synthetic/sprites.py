"""Procedural dSprites: the exact factor grid, rendered, written as dSprites' npz (spec 6.4.1).

Factors as in dSprites: color (1 value), shape (square, ellipse, heart), scale
``linspace(0.5, 1, n_scale)``, orientation ``linspace(0, 2 pi, n_orient)`` (the first and last
coincide, as in dSprites), posX and posY ``linspace(0, 1, n_pos)``. A sprite centred at
``16 + 32 * pos`` px is rendered 64 x 64 by a ``supersample``-times finer point-in-shape test,
thresholded at half coverage: a square of side ``20 * scale`` px, an ellipse of semi-axes
``(10, 5) * scale`` px, a heart ``(x^2 + y^2 - 1)^3 - x^2 y^3 <= 0`` of half-width ``~10 * scale``
px, each rotated about its centre. Not pixel-identical to dSprites, but the factorial structure
(row-major order over ``latents_classes``) is exact, which the disentanglement metric relies on.
"""
import json
import os
import os.path as osp

import numpy as np

from .registry import register_generator

SIZE = 64
SHAPES = ('square', 'ellipse', 'heart')


def inside(shape: str, u: np.ndarray, v: np.ndarray, scale: float) -> np.ndarray:
    """Point-in-shape test in sprite coordinates (px, y down, rotation already undone)."""
    if shape == 'square':
        return (np.abs(u) <= 10 * scale) & (np.abs(v) <= 10 * scale)
    if shape == 'ellipse':
        return (u / (10 * scale)) ** 2 + (v / (5 * scale)) ** 2 <= 1
    x, y = u / (10 * scale), -v / (10 * scale) + 0.125  # y up; centre the heart's bounding box
    return (x * x + y * y - 1) ** 3 - x * x * y ** 3 <= 0


def render(shape: str, scale: float, angle: float, pos: np.ndarray, supersample: int = 4
           ) -> np.ndarray:
    """Binary sprites for every ``(posX, posY)`` of ``pos`` ``(n,)``: ``(n, n, 64, 64)`` uint8."""
    grid = (np.arange(SIZE * supersample) + 0.5) / supersample  # sample points, px
    centres = 16 + 32 * pos
    dx = grid[None, :] - centres[:, None]  # (n, S*ss): x offsets along the image width
    cos, sin = np.cos(angle), np.sin(angle)
    out = np.empty((len(pos), len(pos), SIZE, SIZE), np.uint8)
    for j, cy in enumerate(centres):  # one posY row at a time bounds the memory
        dy = grid - cy
        u = cos * dx[:, None, :] + sin * dy[None, :, None]   # (nx, rows, cols)
        v = -sin * dx[:, None, :] + cos * dy[None, :, None]
        cover = inside(shape, u, v, scale).reshape(
            len(pos), SIZE, supersample, SIZE, supersample).mean(axis=(2, 4))
        out[:, j] = cover >= 0.5
    return out


@register_generator('sprites', default_dir='data/sprites_synthetic')
def generate(out_dir: str, seed: int = 0, n_scale: int = 3, n_orient: int = 4, n_pos: int = 8,
             full: bool = False, supersample: int = 4) -> str:
    """dSprites-format npz of a procedural factor grid (default 3x3x4x8x8 = 2,304 images)."""
    del seed  # the grid is deterministic
    if full:
        n_scale, n_orient, n_pos = 6, 40, 32
    sizes = (1, len(SHAPES), n_scale, n_orient, n_pos, n_pos)
    values = [np.ones(1), np.arange(1.0, 4.0), np.linspace(0.5, 1, n_scale),
              np.linspace(0, 2 * np.pi, n_orient), np.linspace(0, 1, n_pos),
              np.linspace(0, 1, n_pos)]
    imgs = np.empty((*sizes, SIZE, SIZE), np.uint8)
    for s, shape in enumerate(SHAPES):
        for c, scale in enumerate(values[2]):
            for o, angle in enumerate(values[3]):
                imgs[0, s, c, o] = render(shape, scale, angle, values[4], supersample)
    classes = np.stack(np.meshgrid(*[np.arange(n) for n in sizes], indexing='ij'),
                       -1).reshape(-1, 6)
    latent_values = np.stack([values[f][classes[:, f]] for f in range(6)], 1)
    metadata = dict(description='procedural dSprites (thesiscv)', latents_sizes=list(sizes),
                    latents_names=['color', 'shape', 'scale', 'orientation', 'posX', 'posY'])
    os.makedirs(out_dir, exist_ok=True)
    name = f'dsprites_procedural_co1sh3sc{n_scale}or{n_orient}x{n_pos}y{n_pos}_64x64.npz'
    path = osp.join(out_dir, name)
    np.savez_compressed(path, imgs=imgs.reshape(-1, SIZE, SIZE), latents_classes=classes,
                        latents_values=latent_values, metadata=np.array(json.dumps(metadata)))
    return path
