"""Per-frame masks and boxes of a sample's player of interest (spec §2.3, §2.6).

The mask of frame j is the player's instance mask OR-ed with the selected ball's mask
(``with_ball=True``, the thesis includes the ball in every analysis). Masks are stored as
pycocotools RLE in the annotation; they are decoded for the requested frames in one call.
"""
from typing import Sequence

import numpy as np
from pycocotools import mask as mask_utils


def decode_masks(sample: dict, frames: Sequence[int], with_ball: bool = True) -> np.ndarray:
    """``(n, H, W)`` uint8 masks of the given frames (0 where a frame has no mask)."""
    h, w = sample['img_shape']
    frames = np.asarray(frames, int)
    out = np.zeros((len(frames), h, w), np.uint8)
    keys = ('player_masks', 'ball_masks') if with_ball else ('player_masks',)
    for key in keys:
        rles = sample[key]
        have = [i for i, j in enumerate(frames) if rles[j] is not None]
        if have:
            out[have] |= mask_utils.decode([rles[frames[i]] for i in have]).transpose(2, 0, 1)
    return out


def union_boxes(sample: dict, frames: Sequence[int], with_ball: bool = True) -> np.ndarray:
    """``(n, 4)`` xyxy union of the player box and (optionally) the ball box per frame."""
    frames = np.asarray(frames, int)
    boxes = np.asarray(sample['det_bboxes'], np.float32)[frames]
    if with_ball:
        ball = np.asarray(sample['ball_bboxes'], np.float32)[frames]
        has = np.isfinite(ball).all(1, keepdims=True)
        both = np.concatenate([np.minimum(boxes[:, :2], ball[:, :2]),
                               np.maximum(boxes[:, 2:], ball[:, 2:])], 1)
        boxes = np.where(has, both, boxes)
    return boxes
