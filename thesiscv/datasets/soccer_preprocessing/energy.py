"""Energy image of a clip: the mean of its registered player masks (spec §2.5, thesis S5).

``I^E(x, y) = 1/|J| sum_{j in J} Mbar_j(x, y)`` over the registered frames J (GEI-style, after
Han & Bhanu's gait energy image; the thesis gives no formula, ambiguity 5). The registered masks
live on the reference frame's image plane padded by ``canvas_pad`` on every side; only the
region they cover is rasterised, by nearest-neighbour ``grid_sample`` of all frames at once.
The result is cropped to its support enlarged by ``crop_expand`` per side, padded to a square
and resized (area averaging) to ``out_size``.
"""
import os
import os.path as osp
from typing import NamedTuple, Optional

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from .crop import crop_resize, support_box
from .keypoints import merge_registration_joints
from .masks import decode_masks
from .registration import Registration, register_joints

UNREGISTERED_POLICIES = ('drop', 'keep')


class EnergyImage(NamedTuple):
    """An energy image and how it was made.

    Attributes:
        image: ``(S, S)`` float32 in [0, 1] (S = ``out_size``), or the raw canvas region when
            ``out_size`` is None.
        raw: the mean of the registered masks on the covered canvas region ``(h, w)``.
        origin: ``(x0, y0)`` of ``raw`` in the reference frame's pixel coordinates.
        num_frames: frames averaged; registered: False when no frame could be registered and
            the masks were averaged as they are (logged by the caller).
        registration: the :class:`~.registration.Registration` used.
    """
    image: np.ndarray
    raw: np.ndarray
    origin: tuple
    num_frames: int
    registered: bool
    registration: Registration


def _invert(warps: np.ndarray) -> np.ndarray:
    lin = np.linalg.inv(warps[:, :, :2])
    return np.concatenate([lin, -lin @ warps[:, :, 2:]], axis=2)


def average_warped(masks: np.ndarray, warps: np.ndarray, canvas_pad: float = 0.5,
                   chunk: int = 16) -> tuple:
    """Mean of ``masks (N, H, W)`` warped by ``warps (N, 2, 3)`` (nearest neighbour).

    Returns ``(mean (h, w) float32, (x0, y0))``: the canvas region covered by any warped mask,
    clipped to the frame padded by ``canvas_pad * max(H, W)``.
    """
    n, h, w = masks.shape
    pad = int(round(canvas_pad * max(h, w)))
    rows, cols = masks.any(2), masks.any(1)
    present = rows.any(1)
    if not present.any():
        return np.zeros((1, 1), np.float32), (0, 0)
    y0 = np.argmax(rows, 1)
    y1 = h - np.argmax(rows[:, ::-1], 1)
    x0 = np.argmax(cols, 1)
    x1 = w - np.argmax(cols[:, ::-1], 1)
    corners = np.stack([np.stack([x0, y0], 1), np.stack([x1, y0], 1), np.stack([x0, y1], 1),
                        np.stack([x1, y1], 1)], 1).astype(np.float64)[present]
    mapped = corners @ np.swapaxes(warps[present, :, :2], 1, 2) + warps[present, None, :, 2]
    lo = np.clip(np.floor(mapped.min((0, 1))), -pad, None).astype(int)
    hi = np.minimum(np.ceil(mapped.max((0, 1))) + 1, [w + pad, h + pad]).astype(int)
    if (hi <= lo).any():
        return np.zeros((1, 1), np.float32), (int(lo[0]), int(lo[1]))
    ys, xs = np.mgrid[lo[1]:hi[1], lo[0]:hi[0]]
    target = np.stack([xs, ys, np.ones_like(xs)], -1).astype(np.float32)  # (h', w', 3)
    inverse = _invert(warps)
    total = torch.zeros(target.shape[:2])
    scale = np.array([2 / max(w - 1, 1), 2 / max(h - 1, 1)])
    for start in range(0, n, chunk):
        inv = inverse[start:start + chunk]
        src = np.einsum('hwc,nkc->nhwk', target, inv.astype(np.float32)) * scale - 1
        grid = torch.from_numpy(src.astype(np.float32))
        frames = torch.from_numpy(np.ascontiguousarray(masks[start:start + chunk],
                                                       dtype=np.float32))[:, None]
        total += F.grid_sample(frames, grid, mode='nearest', padding_mode='zeros',
                               align_corners=True)[:, 0].sum(0)
    return (total / n).numpy(), (int(lo[0]), int(lo[1]))


def crop_energy(raw: np.ndarray, out_size: int, crop_expand: float = 0.1,
                support_thr: float = 0.0) -> np.ndarray:
    """Crop to the support ``raw > support_thr`` enlarged by ``crop_expand`` per side, pad to a
    square, resize to ``out_size``.

    ``support_thr = 0`` is spec §2.5's crop. A small positive value (e.g. 0.1: pixels covered
    by at least 10 % of the frames) keeps a ball that flies far away in a few frames from
    shrinking the player to a few pixels; the streak is then cut at the crop border.
    """
    box = support_box(raw > support_thr)
    if box is None:
        return np.zeros((out_size, out_size), np.float32)
    centre = (box[:2] + box[2:]) / 2
    half = max(box[2] - box[0], box[3] - box[1]) * (1 + 2 * crop_expand) / 2
    square = np.concatenate([centre - half, centre + half])
    return np.clip(crop_resize(raw[None], square[None], out_size)[0], 0, 1)


def energy_image(masks: np.ndarray, joints: np.ndarray, valid: np.ndarray,
                 mode: str = 'translation', out_size: Optional[int] = 224,
                 canvas_pad: float = 0.5, crop_expand: float = 0.1, support_thr: float = 0.0,
                 unregistered_policy: str = 'drop', min_tri_area: float = 25.0) -> EnergyImage:
    """Register a clip's player masks (Algorithm 1) and average them into its energy image.

    Args:
        masks: ``(T, H, W)`` binary player (+ ball) masks of the valid frames.
        joints, valid: ``(T, 8, 2)`` / ``(T, 8)`` registration joints of the same frames.
        mode: registration mode (``translation``, ``affine``, ``similarity``, ``none``).
        out_size: side of the returned image; None returns the raw canvas region.
        canvas_pad: canvas padding as a fraction of max(H, W).
        crop_expand: enlargement of the support box per side before the square crop.
        support_thr: energy above which a pixel counts as support for the crop (see
            :func:`crop_energy`).
        unregistered_policy: ``'drop'`` frames without a usable joint set, or ``'keep'`` them
            unaligned.
        min_tri_area: see :func:`~.registration.register_joints`.
    """
    if unregistered_policy not in UNREGISTERED_POLICIES:
        raise ValueError(f'unregistered_policy must be one of {UNREGISTERED_POLICIES}, '
                         f'got {unregistered_policy!r}')
    masks = np.asarray(masks).astype(bool)
    if masks.ndim != 3 or not len(masks):
        raise ValueError(f'energy_image needs masks of shape (T, H, W) with T > 0, got '
                         f'{masks.shape}')
    reg = register_joints(joints, valid, mode=mode, min_tri_area=min_tri_area)
    warps = reg.warps
    done = np.isfinite(warps).all((1, 2))
    registered = bool(done.any())
    if not registered or unregistered_policy == 'keep':
        warps = np.where(done[:, None, None], warps, np.eye(2, 3))
        done = np.ones(len(masks), bool)
    raw, origin = average_warped(masks[done], warps[done], canvas_pad)
    image = raw if out_size is None else crop_energy(raw, out_size, crop_expand, support_thr)
    return EnergyImage(image.astype(np.float32), raw, origin, int(done.sum()), registered, reg)


def sample_energy_image(sample: dict, mode: str = 'translation', out_size: Optional[int] = 224,
                        with_ball: bool = True, coco17_thr: float = 0.3,
                        body25_thr: float = 0.1, **kwargs) -> EnergyImage:
    """The energy image of one annotated sample (its valid frames, spec §2.5).

    Decodes the player (+ ball) masks, merges the keypoint sources into registration joints
    and calls :func:`energy_image` (``kwargs``: ``canvas_pad``, ``crop_expand``,
    ``support_thr``, ``unregistered_policy``, ``min_tri_area``).
    """
    frames = np.flatnonzero(sample['valid_frames'])
    if not len(frames):
        raise ValueError(f'sample {sample["sample_id"]} has no valid frame')
    body25 = sample.get('keypoint_body25')
    joints, valid = merge_registration_joints(
        sample['keypoint'][0][frames], sample['keypoint_score'][0][frames],
        None if body25 is None else body25[0][frames],
        None if body25 is None else sample['keypoint_body25_score'][0][frames],
        coco17_thr, body25_thr)
    return energy_image(decode_masks(sample, frames, with_ball), joints, valid, mode=mode,
                        out_size=out_size, **kwargs)


def save_energy_png(path: str, image: np.ndarray) -> None:
    """Write an energy image in [0, 1] as a 16-bit PNG."""
    os.makedirs(osp.dirname(osp.abspath(path)), exist_ok=True)
    if not cv2.imwrite(path, np.round(np.clip(image, 0, 1) * 65535).astype(np.uint16)):
        raise OSError(f'could not write the energy image {path}')


def load_energy_png(path: str) -> np.ndarray:
    """Read a cached energy image (16-bit PNG) as float32 in [0, 1]."""
    image = cv2.imread(path, cv2.IMREAD_UNCHANGED) if osp.isfile(path) else None
    if image is None:
        raise FileNotFoundError(
            f'energy image {path} is missing or unreadable: build the cache with '
            '`python tools/data/soccer/preprocess.py DATA_ROOT --stages energy`, or set '
            'use_cache=False in EnergyImageTransform to compute it on the fly')
    return image.astype(np.float32) / (65535.0 if image.dtype == np.uint16 else 255.0)
