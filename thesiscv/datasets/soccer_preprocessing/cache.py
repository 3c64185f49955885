"""Per-clip cache files of the preprocessing stages (``preprocessed/<stage>/<clip_id>.pkl``).

Detection cache (Mask R-CNN or ground truth; spec §3.5 ``det/``)::

    dict(num_frames=T, img_shape=(H, W), source=str, seconds=model time, frames=[
        dict(bboxes=(K, 4) xyxy, scores=(K,), labels=(K,) COCO contiguous ids (0 person,
             32 sports ball), masks=[pycocotools RLE] * K), ...])          # one dict per frame

Pose cache (COCO-17 or BODY_25 layout; ``pose_coco17/``, ``pose_body25/``)::

    dict(num_frames=T, img_shape=(H, W), source=str, frames=[
        dict(bboxes=(K, 4) the person boxes, keypoints=(K, J, 2), keypoint_scores=(K, J)), ...])

Writes are atomic, so an interrupted run leaves either a complete file or none, and a resumed
run skips the clips whose files exist.
"""
import os
import os.path as osp
import pickle
from typing import Any


class CacheError(RuntimeError):
    """A cache file is missing or unreadable; the message names the file and the fix."""


def save_clip_cache(path: str, data: Any) -> None:
    os.makedirs(osp.dirname(osp.abspath(path)), exist_ok=True)
    tmp = f'{path}.tmp'
    with open(tmp, 'wb') as f:
        pickle.dump(data, f)
    os.replace(tmp, path)


def load_clip_cache(path: str, stage: str) -> Any:
    """Read a cache file written by ``stage``; a clear :class:`CacheError` if it cannot be."""
    if not osp.isfile(path):
        raise CacheError(f'{path} does not exist: run the "{stage}" stage first '
                         f'(tools/data/soccer/preprocess.py --stages {stage})')
    try:
        with open(path, 'rb') as f:
            return pickle.load(f)
    except (pickle.UnpicklingError, EOFError, AttributeError) as err:
        raise CacheError(f'{path} is corrupt ({err}); delete it and rerun the "{stage}" '
                         'stage') from None
