"""Per-frame player mask crops for the motion branch (spec §2.6 ``PlayerMaskCrop``).

``'player'`` (default): a square centred on the union of the player and ball boxes of each
frame, side ``scale * max(w, h)`` (1.2), zero outside the frame. ``'clip_union'``: one square
for the whole sample around the union of its boxes, so the in-frame translation stays visible.
``masks (n, H, W)`` becomes ``masks (n, S, S)`` float32 in [0, 1] (area-averaged).
"""
import numpy as np
from mmcv.transforms import BaseTransform

from thesiscv.registry import TRANSFORMS

from ..soccer_preprocessing.crop import crop_resize, square_boxes

MODES = ('player', 'clip_union')


@TRANSFORMS.register_module()
class PlayerMaskCrop(BaseTransform):
    """Crop and resize the sampled masks.

    Args:
        size: output side S.
        scale: square side / max(box width, box height).
        mode: ``'player'`` or ``'clip_union'``.
    """

    def __init__(self, size: int = 224, scale: float = 1.2, mode: str = 'player'):
        if mode not in MODES:
            raise ValueError(f'PlayerMaskCrop mode must be one of {MODES}, got {mode!r}')
        self.size, self.scale, self.mode = size, scale, mode

    def transform(self, results: dict) -> dict:
        boxes = np.asarray(results['mask_boxes'], np.float32)
        h, w = results['masks'].shape[1:]
        missing = ~np.isfinite(boxes).all(1)
        boxes[missing] = [0, 0, w, h]  # a frame without player: keep the whole (empty) frame
        if self.mode == 'clip_union':
            union = np.concatenate([boxes[:, :2].min(0), boxes[:, 2:].max(0)])
            boxes = np.broadcast_to(union, boxes.shape)
        results['masks'] = crop_resize(results['masks'], square_boxes(boxes, self.scale),
                                       self.size)
        return results
