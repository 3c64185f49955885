"""Joint-guided player registration: thesis Ch. 2, Algorithm 1 and Eq. 2.1 (spec §2.4).

For the player of interest in one clip (T frames) with registration joints ``(T, 8, 2)`` and
their validity ``(T, 8)`` (:data:`~.keypoints.REG_JOINTS` order), every frame j is mapped onto
a reference frame k:

1. k is the earliest frame where left hip, right hip and left shoulder are valid (else the
   earliest with the most valid joints);
2. a joint triangle valid in j and k is chosen by the fallback order :data:`CANDIDATES`
   (hips + shoulder, one hip, shoulders, knees; two-point similarities last), skipping
   triangles smaller than ``min_tri_area`` or with a 3x3 system of condition number > 1e6;
3. ``T_A`` (2x3) solves the six equations of Eq. 2.1 mapping triangle j onto triangle k;
4. the anchor ``C_j`` (hip midpoint, or the fallback's first joint pair / single hip) maps to
   ``C'_j = T_A [C_j; 1]``;
5. the mask is warped by the transform of ``mode``: ``'translation'`` (the literal reading:
   shift by ``C'_j - C_j``), ``'affine'`` (``T_A``), ``'similarity'`` (least-squares rotation,
   scale and shift of the triangle) or ``'none'``.

Everything is vectorised over frames and fallback candidates.
"""
from typing import List, NamedTuple, Optional

import numpy as np

from .keypoints import REG_JOINTS

MODES = ('translation', 'affine', 'similarity', 'none')


class Candidate(NamedTuple):
    """A fallback joint set: its joints (3: triangle, 2: similarity) and its anchor joints."""
    name: str
    joints: tuple
    anchor: tuple


def _c(*joints: str, anchor: int = 2) -> Candidate:
    return Candidate('-'.join(joints), tuple(REG_JOINTS.index(j) for j in joints),
                     tuple(range(anchor)))


#: Fallback order of spec §2.4 step 3 (reconciling thesis §2.3.1 and §2.3.2, ambiguity 9).
CANDIDATES: List[Candidate] = [
    _c('l_hip', 'r_hip', 'l_shoulder'), _c('l_hip', 'r_hip', 'r_shoulder'),
    _c('l_hip', 'r_hip', 'neck'),
    _c('l_hip', 'neck', 'l_shoulder', anchor=1), _c('l_hip', 'l_shoulder', 'l_knee', anchor=1),
    _c('l_hip', 'neck', 'l_knee', anchor=1),
    _c('r_hip', 'neck', 'r_shoulder', anchor=1), _c('r_hip', 'r_shoulder', 'r_knee', anchor=1),
    _c('r_hip', 'neck', 'r_knee', anchor=1),
    _c('l_shoulder', 'r_shoulder', 'l_knee'), _c('l_shoulder', 'r_shoulder', 'r_knee'),
    _c('l_shoulder', 'r_shoulder', 'mid_hip'), _c('l_shoulder', 'r_shoulder'),
    *(_c('l_knee', 'r_knee', j) for j in ('neck', 'l_shoulder', 'r_shoulder', 'mid_hip')),
    _c('l_knee', 'r_knee'),
]


class Registration(NamedTuple):
    """Result of :func:`register_joints` for one clip of T frames.

    Attributes:
        ref_frame: index k of the reference frame, None when no frame has a valid joint.
        warps: ``(T, 2, 3)`` transforms applied to the masks (NaN: frame not registered).
        affines: ``(T, 2, 3)`` the triangle transforms ``T_A`` (NaN where none).
        anchors: ``(T, 2)`` ``C_j``; ``anchors_mapped``: ``(T, 2)`` ``C'_j = T_A C_j``.
        triples: per frame the name of the joint set used, ``'reference'``, ``'none'`` (mode
            none) or None (not registered).
    """
    ref_frame: Optional[int]
    warps: np.ndarray
    affines: np.ndarray
    anchors: np.ndarray
    anchors_mapped: np.ndarray
    triples: List[Optional[str]]


def reference_frame(valid: np.ndarray) -> Optional[int]:
    """Algorithm 1 step 1 on the keypoint sets (ambiguity 1): see module docstring."""
    canonical = valid[:, list(CANDIDATES[0].joints)].all(1)
    if canonical.any():
        return int(np.argmax(canonical))
    counts = valid.sum(1)
    return int(np.argmax(counts)) if counts.max(initial=0) > 0 else None


def triangle_affine(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Eq. 2.1: the 2x3 map(s) taking the 3 points ``src (..., 3, 2)`` onto ``dst (..., 3, 2)``."""
    src = np.asarray(src, np.float64)
    system = np.concatenate([src, np.ones(src.shape[:-1] + (1,))], -1)  # rows [x2, y2, 1]
    return np.swapaxes(np.linalg.solve(system, np.asarray(dst, np.float64)), -1, -2)


def similarity_fit(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Least-squares rotation + uniform scale + shift ``(..., 2, 3)`` taking src onto dst.

    Points ``(..., m, 2)``, m >= 2 (exact for m = 2). Solved with complex numbers:
    ``z' = a z + b``, ``a = sum(conj(s) d) / sum(|s|^2)`` on centred points.
    """
    zs = src[..., 0] + 1j * src[..., 1]
    zd = dst[..., 0] + 1j * dst[..., 1]
    ms, md = zs.mean(-1, keepdims=True), zd.mean(-1, keepdims=True)
    denom = (np.abs(zs - ms) ** 2).sum(-1)
    a = (np.conj(zs - ms) * (zd - md)).sum(-1) / np.where(denom > 0, denom, np.nan)
    b = md[..., 0] - a * ms[..., 0]
    return np.stack([np.stack([a.real, -a.imag, b.real], -1),
                     np.stack([a.imag, a.real, b.imag], -1)], -2)


def apply_affine(transform: np.ndarray, points: np.ndarray) -> np.ndarray:
    """``(..., 2, 3) @ [points; 1]`` for points ``(..., m, 2)``."""
    return points @ np.swapaxes(transform[..., :2], -1, -2) + transform[..., None, :, 2]


def _triangle_ok(pts: np.ndarray, min_area: float, max_cond: float) -> np.ndarray:
    """Non-degenerate triangles ``(..., 3, 2)``: area and conditioning of Eq. 2.1's system."""
    d1, d2 = pts[..., 1, :] - pts[..., 0, :], pts[..., 2, :] - pts[..., 0, :]
    area = np.abs(d1[..., 0] * d2[..., 1] - d1[..., 1] * d2[..., 0]) / 2
    system = np.concatenate([pts, np.ones(pts.shape[:-1] + (1,))], -1)
    finite = np.isfinite(system).all((-1, -2))
    cond = np.full(area.shape, np.inf)
    cond[finite] = np.linalg.cond(system[finite])
    return finite & (area >= min_area) & (cond <= max_cond)


def register_joints(joints: np.ndarray, valid: np.ndarray, mode: str = 'translation',
                    min_tri_area: float = 25.0, max_cond: float = 1e6) -> Registration:
    """Algorithm 1 for one clip: the transform that registers each frame onto frame k.

    Args:
        joints: ``(T, 8, 2)`` registration joints (:func:`~.keypoints.merge_registration_joints`).
        valid: ``(T, 8)`` their validity.
        mode: one of :data:`MODES`.
        min_tri_area: smallest triangle area (px^2) accepted in both frames.
        max_cond: largest condition number of the 3x3 system of Eq. 2.1.
    """
    if mode not in MODES:
        raise ValueError(f'registration mode must be one of {MODES}, got {mode!r}')
    joints, valid = np.asarray(joints, np.float64), np.asarray(valid, bool)
    t = len(joints)
    nan = np.full((t, 2, 3), np.nan)
    identity = np.broadcast_to(np.eye(2, 3), (t, 2, 3)).copy()
    k = reference_frame(valid)
    if mode == 'none' or k is None:
        warps = identity if mode == 'none' else nan
        return Registration(k, warps, nan.copy(), np.full((t, 2), np.nan),
                            np.full((t, 2), np.nan), ['none' if mode == 'none' else None] * t)
    warps, affines = nan.copy(), nan.copy()
    anchors, mapped = np.full((t, 2), np.nan), np.full((t, 2), np.nan)
    triples: List[Optional[str]] = [None] * t
    todo = np.ones(t, bool)
    todo[k] = False
    for cand in CANDIDATES:
        idx = list(cand.joints)
        ok = todo & valid[:, idx].all(1) & valid[k, idx].all()
        if not ok.any():
            continue
        src = joints[ok][:, idx]
        dst = np.broadcast_to(joints[k, idx], src.shape)
        if len(idx) == 3:
            good = _triangle_ok(src, min_tri_area, max_cond) & _triangle_ok(
                joints[k, idx][None], min_tri_area, max_cond)
            t_a = triangle_affine(src[good], dst[good])
        else:
            t_a = similarity_fit(src, dst)
            good = np.isfinite(t_a).all((-1, -2))
            t_a = t_a[good]
        rows, src, dst = np.flatnonzero(ok)[good], src[good], dst[good]
        if not len(rows):
            continue
        c_j = src[:, list(cand.anchor)].mean(1)
        c_mapped = apply_affine(t_a, c_j[:, None])[:, 0]
        if mode == 'translation':
            warp = identity[rows].copy()
            warp[:, :, 2] = c_mapped - c_j
        elif mode == 'affine':
            warp = t_a
        else:
            warp = similarity_fit(src, dst)
        warps[rows], affines[rows], anchors[rows], mapped[rows] = warp, t_a, c_j, c_mapped
        for r in rows:
            triples[r] = cand.name
        todo[rows] = False
    warps[k], affines[k] = np.eye(2, 3), np.eye(2, 3)
    hips = [REG_JOINTS.index('l_hip'), REG_JOINTS.index('r_hip')]
    anchors[k] = mapped[k] = joints[k, hips].mean(0) if valid[k, hips].all() else np.nan
    triples[k] = 'reference'
    return Registration(k, warps, affines, anchors, mapped, triples)
