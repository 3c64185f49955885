"""Square crops resized to a fixed size, for the energy image and the per-frame player masks.

Spec §2.5 (energy image: crop to the support enlarged by 10 % per side, pad to a square, resize)
and §2.6 (per-frame mask crop: a square centred on the player-and-ball box, side 1.2 x max(w, h),
zero outside the frame). All crops of a clip are taken in one call of mmcv's ``roi_align``
(average pooling over each output bin, so large crops shrink without aliasing).
"""
import numpy as np
import torch
from mmcv.ops import roi_align


def square_boxes(boxes: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """Squares ``(N, 4)`` xyxy centred on ``boxes`` with side ``scale * max(w, h)``."""
    boxes = np.asarray(boxes, np.float32).reshape(-1, 4)
    centre = (boxes[:, :2] + boxes[:, 2:]) / 2
    half = scale * np.maximum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]) / 2
    half = np.maximum(half, 0.5)[:, None]
    return np.concatenate([centre - half, centre + half], axis=1)


def crop_resize(images: np.ndarray, boxes: np.ndarray, out_size: int) -> np.ndarray:
    """Crop box i of image i and resize it to ``out_size x out_size`` (area averaging).

    Args:
        images: ``(N, H, W)`` masks or energy maps (bool, uint8 0/1 or float).
        boxes: ``(N, 4)`` xyxy in pixel coordinates; parts outside the image read as 0.
        out_size: output side S.

    Returns:
        ``(N, S, S)`` float32.
    """
    # a zero border: roi_align would otherwise repeat the edge pixels up to 1 px outside
    images = torch.from_numpy(np.pad(np.asarray(images, np.float32), ((0, 0), (1, 1), (1, 1))))
    images = images[:, None]
    boxes = torch.from_numpy(np.asarray(boxes, np.float32).reshape(-1, 4) + 1)
    if len(boxes) != len(images):
        raise ValueError(f'crop_resize: {len(images)} images but {len(boxes)} boxes')
    rois = torch.cat([torch.arange(len(boxes), dtype=torch.float32)[:, None], boxes], dim=1)
    out = roi_align(images, rois, (out_size, out_size), 1.0, 0, 'avg', True)
    return out[:, 0].numpy()


def support_box(image: np.ndarray) -> np.ndarray:
    """The xyxy box (pixel edges) of ``image > 0``, or None when the image is empty."""
    rows, cols = np.flatnonzero(image.any(1)), np.flatnonzero(image.any(0))
    if not len(rows):
        return None
    return np.array([cols[0], rows[0], cols[-1] + 1, rows[-1] + 1], np.float32)
