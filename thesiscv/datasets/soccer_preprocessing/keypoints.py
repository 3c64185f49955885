"""Keypoint layouts of EMA-Net's pose sources and their merge into the registration joints.

Spec §2.2 (thesis Ch. 2, "S2"): COCO-17 keypoints (Keypoint R-CNN in the thesis, an mmpose
top-down model here) and OpenPose BODY_25 (or mmpose's Halpe-26 as its stand-in) are merged per
joint into the eight **registration joints** :data:`REG_JOINTS` used by Algorithm 1. For each
joint the source with the higher confidence wins after per-source validity thresholds; the neck
and mid-hip are derived from the shoulders / hips where no source gives them.

Arrays are per clip: ``(T, K, 2)`` coordinates and ``(T, K)`` scores for T frames.
"""
from typing import Optional, Tuple

import numpy as np

COCO17 = ('nose', 'l_eye', 'r_eye', 'l_ear', 'r_ear', 'l_shoulder', 'r_shoulder', 'l_elbow',
          'r_elbow', 'l_wrist', 'r_wrist', 'l_hip', 'r_hip', 'l_knee', 'r_knee', 'l_ankle',
          'r_ankle')
BODY25 = ('nose', 'neck', 'r_shoulder', 'r_elbow', 'r_wrist', 'l_shoulder', 'l_elbow', 'l_wrist',
          'mid_hip', 'r_hip', 'r_knee', 'r_ankle', 'l_hip', 'l_knee', 'l_ankle', 'r_eye', 'l_eye',
          'r_ear', 'l_ear', 'l_big_toe', 'l_small_toe', 'l_heel', 'r_big_toe', 'r_small_toe',
          'r_heel')
HALPE26 = COCO17 + ('head', 'neck', 'mid_hip', 'l_big_toe', 'r_big_toe', 'l_small_toe',
                    'r_small_toe', 'l_heel', 'r_heel')
#: Halpe-26 index of every BODY_25 joint (both name every BODY_25 joint).
HALPE26_TO_BODY25 = np.array([HALPE26.index(name) for name in BODY25])

#: The joints Algorithm 1 uses (spec §2.2), in this order in every registration array.
REG_JOINTS = ('neck', 'l_shoulder', 'r_shoulder', 'l_hip', 'mid_hip', 'r_hip', 'l_knee', 'r_knee')


def _pick(layout: tuple, name: str) -> Optional[int]:
    return layout.index(name) if name in layout else None


def _source_joints(kpts: np.ndarray, scores: np.ndarray, layout: tuple,
                   thr: float) -> Tuple[np.ndarray, np.ndarray]:
    """One source's registration joints ``(T, 8, 2)`` and confidences ``(T, 8)`` (-inf: invalid).

    Neck and mid-hip, when the layout lacks them, are the midpoints of the shoulders / hips,
    valid when both ends are, with the smaller of their confidences.
    """
    t = kpts.shape[0]
    joints = np.full((t, len(REG_JOINTS), 2), np.nan, np.float32)
    conf = np.full((t, len(REG_JOINTS)), -np.inf, np.float32)
    derived = {'neck': ('l_shoulder', 'r_shoulder'), 'mid_hip': ('l_hip', 'r_hip')}
    valid = scores >= thr
    for j, name in enumerate(REG_JOINTS):
        idx = _pick(layout, name)
        if idx is not None:
            joints[:, j] = kpts[:, idx]
            conf[:, j] = np.where(valid[:, idx], scores[:, idx], -np.inf)
        else:
            a, b = (layout.index(n) for n in derived[name])
            joints[:, j] = (kpts[:, a] + kpts[:, b]) / 2
            conf[:, j] = np.where(valid[:, a] & valid[:, b],
                                  np.minimum(scores[:, a], scores[:, b]), -np.inf)
    return joints, conf


def merge_registration_joints(coco17: np.ndarray, coco17_score: np.ndarray,
                              body25: Optional[np.ndarray] = None,
                              body25_score: Optional[np.ndarray] = None,
                              coco17_thr: float = 0.3,
                              body25_thr: float = 0.1) -> Tuple[np.ndarray, np.ndarray]:
    """Merge COCO-17 and (optionally) BODY_25 keypoints into the registration joints.

    Args:
        coco17: ``(T, 17, 2)`` COCO-17 coordinates (NaN allowed where missing).
        coco17_score: ``(T, 17)`` scores; valid when ``>= coco17_thr`` (spec default 0.3).
        body25: ``(T, 25, 2)`` BODY_25 coordinates, or None.
        body25_score: ``(T, 25)`` confidences; valid when ``>= body25_thr`` (default 0.1).

    Returns:
        ``joints (T, 8, 2)`` in :data:`REG_JOINTS` order and ``valid (T, 8)``.
    """
    joints, conf = _source_joints(np.asarray(coco17, np.float32),
                                  np.nan_to_num(np.asarray(coco17_score, np.float32), nan=-1),
                                  COCO17, coco17_thr)
    if body25 is not None:
        joints25, conf25 = _source_joints(
            np.asarray(body25, np.float32),
            np.nan_to_num(np.asarray(body25_score, np.float32), nan=-1), BODY25, body25_thr)
        take = conf25 > conf
        joints = np.where(take[..., None], joints25, joints)
        conf = np.maximum(conf, conf25)
    valid = np.isfinite(conf) & np.isfinite(joints).all(-1)
    return joints, valid


def keypoint_box(kpts: np.ndarray, scores: np.ndarray, thr: float = 0.3,
                 expand: float = 0.0) -> np.ndarray:
    """Boxes ``(..., 4)`` xyxy spanned by the valid keypoints of ``(..., K, 2)``; NaN if none.

    ``expand`` enlarges each side by that fraction of the box size (spec ``kpt_box_expand``).
    """
    valid = (scores >= thr) & np.isfinite(kpts).all(-1)
    big = np.float32(np.inf)
    x = np.where(valid, kpts[..., 0], big), np.where(valid, kpts[..., 0], -big)
    y = np.where(valid, kpts[..., 1], big), np.where(valid, kpts[..., 1], -big)
    box = np.stack([x[0].min(-1), y[0].min(-1), x[1].max(-1), y[1].max(-1)], -1)
    box = np.where(valid.any(-1, keepdims=True), box, np.nan).astype(np.float32)
    size = np.concatenate([box[..., 2:] - box[..., :2]] * 2, -1)
    return box + expand * size * np.array([-1, -1, 1, 1], np.float32)
