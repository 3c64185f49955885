"""Association of detections and keypoints with the player of interest (spec §2.3, thesis S3).

Per frame j of a clip:

* **player**: the person detection with the highest IoU to the annotated actor's ground-truth
  box (>= ``gt_match_iou``); without ground truth (inference), the track is seeded in the first
  frame by a given box (else the highest-scoring person nearest the frame centre) and linked
  frame to frame by the maximum IoU with the previous player box (>= ``track_iou``);
* **ball**: the highest-scoring sports ball (option ``'nearest'``: nearest the player's feet);
* **keypoints** (per source): the skeleton whose box has the highest IoU with the player box,
  if above ``kpt_match_iou`` (0.8 for dribbling, 0.5 for shooting clips in the thesis). Its box
  is the span of its valid keypoints enlarged by ``kpt_box_expand`` per side (thesis) or, with
  ``kpt_box='input'``, the person box a top-down pose model ran on.

Frames without a player are invalid; a sample without any player frame raises
:class:`NoPlayerError` (reported with the clip name by the pipeline).
"""
from typing import Dict, List, Optional

import numpy as np

from .keypoints import keypoint_box

PERSON, BALL = 0, 32  # COCO contiguous class indices (mmdet)
#: Keypoint-to-player IoU thresholds of the thesis per coarse task.
KPT_MATCH_IOU = {'dribbling': 0.8, 'shooting': 0.5}


class NoPlayerError(RuntimeError):
    """No frame of a clip has a detection of the player of interest."""


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU of broadcastable xyxy boxes ``(..., 4)``; NaN boxes give 0."""
    lt, rb = np.maximum(a[..., :2], b[..., :2]), np.minimum(a[..., 2:], b[..., 2:])
    inter = np.prod(np.clip(rb - lt, 0, None), -1)
    area = lambda x: np.prod(np.clip(x[..., 2:] - x[..., :2], 0, None), -1)  # noqa: E731
    union = area(a) + area(b) - inter
    return np.nan_to_num(inter / np.where(union > 0, union, np.nan))


def _select(frames: List[dict], label: int) -> List[np.ndarray]:
    """Per frame, the indices of the detections of class ``label``."""
    return [np.flatnonzero(np.asarray(f['labels']) == label) for f in frames]


def _pad(frames: List[dict], key: str, idx: Optional[List[np.ndarray]] = None) -> np.ndarray:
    """Stack a per-frame key (rows ``idx[j]`` of frame j, default all) into ``(T, Kmax, ...)``,
    NaN padded."""
    arrays = [np.asarray(f[key], np.float32) for f in frames]
    idx = idx if idx is not None else [np.arange(len(a)) for a in arrays]
    kmax = max([len(i) for i in idx] + [1])
    out = np.full((len(frames), kmax) + arrays[0].shape[1:], np.nan, np.float32)
    for j, (a, i) in enumerate(zip(arrays, idx)):
        out[j, :len(i)] = a[i]
    return out


def _track(boxes: np.ndarray, scores: np.ndarray, shape: tuple, seed_box: Optional[np.ndarray],
           track_iou: float) -> np.ndarray:
    """Indices ``(T,)`` (-1: none) of a player track linked by IoU from a seed."""
    t = len(boxes)
    choice = np.full(t, -1)
    h, w = shape
    prev = seed_box
    for j in range(t):
        if prev is None:
            centre = (boxes[j, :, :2] + boxes[j, :, 2:]) / 2
            dist = np.hypot(centre[:, 0] / w - 0.5, centre[:, 1] / h - 0.5)
            rank = np.nan_to_num(scores[j], nan=-1) - 0.5 * np.nan_to_num(dist, nan=9)
            if np.isfinite(scores[j]).any():
                choice[j] = int(np.argmax(rank))
        else:
            iou = box_iou(prev[None], boxes[j])
            if iou.max(initial=0) >= track_iou:
                choice[j] = int(np.argmax(iou))
        if choice[j] >= 0:
            prev = boxes[j, choice[j]]
    return choice


def associate(sample: dict, det: dict, pose: Optional[dict] = None,
              body25: Optional[dict] = None, gt_match_iou: float = 0.5,
              track_iou: float = 0.3, kpt_match_iou: Optional[float] = None,
              kpt_box: str = 'keypoints', kpt_box_expand: float = 0.0, kpt_thr: float = 0.3,
              ball_select: str = 'score', ball_max_dist: Optional[float] = None,
              use_gt: bool = True) -> Dict:
    """The player-of-interest keys of spec §3.6 for one sample.

    Args:
        sample: the ground-truth sample (``gt_actor_bboxes``, ``valid_frames``, ``task``).
        det: its clip's detection cache; pose / body25: its pose caches (or None).
        gt_match_iou: minimum IoU of the chosen detection with the ground-truth actor box.
        track_iou: minimum IoU between consecutive player boxes without ground truth.
        kpt_match_iou: keypoint/player box IoU threshold; None uses :data:`KPT_MATCH_IOU`.
        kpt_box: ``'keypoints'`` or ``'input'`` (see module docstring).
        kpt_box_expand: enlargement of keypoint boxes per side.
        kpt_thr: keypoint score threshold for the keypoint boxes.
        ball_select: ``'score'`` or ``'nearest'``.
        ball_max_dist: ignore balls whose centre is farther from the player box centre than
            this many player-box heights (None: any ball; e.g. 1.5 keeps a ball shot far away,
            or the shooter's ball in a goalkeeper's sample, out of the actor's masks).
        use_gt: match the ground-truth actor boxes (False: track without them).

    Returns:
        ``det_bboxes``, ``det_scores``, ``player_masks``, ``ball_bboxes``, ``ball_scores``,
        ``ball_masks``, ``keypoint``, ``keypoint_score`` (and ``keypoint_body25[_score]``),
        ``valid_frames``.
    """
    frames = det['frames']
    t = len(frames)
    p_idx, b_idx = _select(frames, PERSON), _select(frames, BALL)
    persons, p_scores = _pad(frames, 'bboxes', p_idx), _pad(frames, 'scores', p_idx)
    gt = np.asarray(sample.get('gt_actor_bboxes', np.full((t, 4), np.nan)), np.float32)
    if use_gt and np.isfinite(gt).all(1).any():
        iou = box_iou(gt[:, None], persons)
        choice = np.where(iou.max(1) >= gt_match_iou, iou.argmax(1), -1)
    else:
        seed = gt[0] if np.isfinite(gt[0]).all() else None
        choice = _track(persons, p_scores, det['img_shape'], seed, track_iou)
    found = choice >= 0
    if not found.any():
        raise NoPlayerError(f'clip {sample["clip_id"]}: no {sample.get("actor_role", "player")} '
                            f'detection matches the actor in any of its {t} frames')
    rows = np.arange(t)
    det_bboxes = np.where(found[:, None], persons[rows, np.maximum(choice, 0)], np.nan)
    det_scores = np.where(found, p_scores[rows, np.maximum(choice, 0)], np.nan)
    player_masks = [frames[j]['masks'][p_idx[j][choice[j]]] if found[j] else None
                    for j in range(t)]
    balls, b_scores = _pad(frames, 'bboxes', b_idx), _pad(frames, 'scores', b_idx)
    centre = (balls[..., :2] + balls[..., 2:]) / 2
    if ball_select == 'nearest':
        feet = np.stack([(det_bboxes[:, 0] + det_bboxes[:, 2]) / 2, det_bboxes[:, 3]], 1)
        rank = -np.hypot(*(centre - feet[:, None]).transpose(2, 0, 1))
    elif ball_select == 'score':
        rank = b_scores
    else:
        raise ValueError(f'ball_select must be "score" or "nearest", got {ball_select!r}')
    if ball_max_dist is not None:
        middle = (det_bboxes[:, :2] + det_bboxes[:, 2:]) / 2
        height = det_bboxes[:, 3] - det_bboxes[:, 1]
        dist = np.hypot(*(centre - middle[:, None]).transpose(2, 0, 1))
        rank = np.where(dist <= ball_max_dist * height[:, None], rank, np.nan)
    has_ball = np.isfinite(rank).any(1)
    ball = np.nanargmax(np.where(np.isfinite(rank), rank, -np.inf), 1)
    out = dict(
        det_bboxes=det_bboxes.astype(np.float32), det_scores=det_scores.astype(np.float32),
        player_masks=player_masks,
        ball_bboxes=np.where(has_ball[:, None], balls[rows, ball], np.nan).astype(np.float32),
        ball_scores=np.where(has_ball, b_scores[rows, ball], np.nan).astype(np.float32),
        ball_masks=[frames[j]['masks'][b_idx[j][ball[j]]] if has_ball[j] else None
                    for j in range(t)],
        valid_frames=np.asarray(sample.get('valid_frames', np.ones(t, bool)), bool) & found)
    thr = kpt_match_iou if kpt_match_iou is not None else KPT_MATCH_IOU[sample['task']]
    for key, src in (('keypoint', pose), ('keypoint_body25', body25)):
        if src is None:
            continue
        kpts, scores = _pad(src['frames'], 'keypoints'), _pad(src['frames'], 'keypoint_scores')
        boxes = (keypoint_box(kpts, np.nan_to_num(scores, nan=0), kpt_thr, kpt_box_expand)
                 if kpt_box == 'keypoints' else _pad(src['frames'], 'bboxes'))
        iou = box_iou(det_bboxes[:, None], boxes)
        best = iou.argmax(1)
        ok = found & (iou.max(1) > thr)
        out[key] = np.where(ok[:, None, None], kpts[rows, best], np.nan)[None].astype(np.float32)
        out[f'{key}_score'] = np.where(ok[:, None], np.nan_to_num(scores[rows, best]), 0)[
            None].astype(np.float32)
    return out
