"""Synthetic soccer highlight clips in the on-disk format of the real data set (spec §3.5, §6.6).

Each clip is an mp4 video of an articulated player (limbs as thick strokes on a silhouette:
torso polygon, head disc) and a ball performing one of the six fine-grained actions of
Table 2.1, on a mown-grass background, seen by a camera that pans to follow play, jitters and
zooms. The action is defined by how the figure and the ball move:

* ``Stepover``: the player creeps forward while the legs swing high over a ball that stays put;
* ``Elastico``: the ball is pushed out with the outside of the foot and snapped back;
* ``Chop``: running with the ball, a foot knocks it backwards and the player turns;
* ``Penalty-Kick``: a long straight run-up to a still ball, then a fast rising shot;
* ``Goal``: running with the ball (the camera pans along), then a low driven shot;
* ``Free-Kick``: a short run-up from the side, a high arcing shot over a defensive wall.

Shooting clips also hold a goalkeeper who dives at the shot (its samples are the ``Goal-Saving``
class of Table 2.10); dribbling clips may hold a defender. Written per clip: the video, the
ground-truth annotation sample(s) of spec §3.6 (``annotations/soccer_highlights_gt.pkl``), and
the analytic "detector" and "pose" outputs in the preprocessing cache formats
(``preprocessed/gt_det``, ``preprocessed/gt_pose_coco17``, ``preprocessed/gt_pose_body25``),
then label maps, the 5 splits per task and the mmaction2 video lists. The preprocessing stages
then run on those caches (association, energy images) and the skeleton annotations are
written, so the data set is ready for EMA-Net and every baseline: the **ground-truth fast
path** of the pipeline (no detector or pose weights needed).
"""
import os
import os.path as osp
from typing import Dict, List, Optional, Tuple

import cv2
import numpy as np
from mmengine.utils import ProgressBar
from pycocotools import mask as mask_utils

from ..soccer import (CLASS_DIRS, GT_FILE, TASK_CLASSES, coarse_task, save_annotations,
                      write_label_map)
from ..soccer_preprocessing.cache import save_clip_cache
from ..soccer_preprocessing.keypoints import BODY25, COCO17
from ..soccer_skeleton import write_skeleton_annotations
from ..soccer_splits import make_splits, write_splits
from ..soccer_video_list import write_video_lists
from .registry import register_generator

FPS = 25
FRAME_SIZES = ((120, 160), (144, 192), (128, 224))  # (H, W)
CLASSES = TASK_CLASSES['all']
#: Preprocessing of the ground-truth fast path: keypoints come with the box they belong to; the
#: ball joins an actor's masks only within 1.5 box heights (not when shot far away, nor the
#: shooter's ball in a goalkeeper's sample), and the energy crop ignores pixels covered by
#: under 10 % of the frames.
GT_PATH_CFG = dict(association=dict(kpt_box='input', ball_max_dist=1.5),
                   energy_cfg=dict(support_thr=0.1))
LIMB = dict(thigh=0.45, shin=0.45, torso=0.55, upper_arm=0.3, forearm=0.28, hip=0.12,
            shoulder=0.2, head=0.12, ball=0.11)
_WORLD_POINTS = COCO17 + ('neck', 'mid_hip', 'l_big_toe', 'l_small_toe', 'l_heel', 'r_big_toe',
                          'r_small_toe', 'r_heel', 'head')


def _bump(t: np.ndarray, start: float, end: float) -> np.ndarray:
    """0 outside [start, end], a half sine inside (the profile of one swing)."""
    p = np.clip((t - start) / max(end - start, 1e-6), 0, 1)
    return np.sin(np.pi * p)


def _run_legs(t: np.ndarray, freq: float, amp: float) -> Tuple[np.ndarray, np.ndarray]:
    """Thigh angles and knee bends ``(T, 2)`` of a running cycle."""
    phase = 2 * np.pi * freq * t
    thigh = amp * np.stack([np.sin(phase), -np.sin(phase)], 1)
    bend = 0.25 + 0.8 * np.clip(np.stack([-np.cos(phase), np.cos(phase)], 1), 0, None) * amp
    return thigh, bend


def _motion(label: str, t: np.ndarray, f: float, rng: np.random.Generator) -> Dict:
    """Player and ball trajectories (world units, y up) of one action, per frame ``t`` (s)."""
    n, dur = len(t), t[-1] + 1 / FPS
    k = rng.uniform(0.85, 1.15)
    y = np.full(n, 0.92)
    thigh, bend = np.zeros((n, 2)), np.full((n, 2), 0.15)
    arm, lean = np.full((n, 2), 0.35), np.zeros(n)
    facing = np.full(n, f)
    ball_y = np.full(n, LIMB['ball'])
    tau = None
    if label == 'Stepover':
        x = f * 0.35 * k * t
        a = rng.uniform(0.05, 0.15) * dur
        s1, s2 = _bump(t, a, a + 0.38 * dur), _bump(t, a + 0.42 * dur, a + 0.8 * dur)
        thigh = 0.75 * np.stack([s1, s2], 1)
        bend = 0.1 + 1.2 * np.stack([s1, s2], 1)
        arm = 0.8 + 0.3 * np.stack([s1 + s2] * 2, 1)
        lean = 0.25 * (s1 - s2)
        y = y + 0.05 * (s1 + s2)
        ball_x = x + f * 0.4
    elif label == 'Elastico':
        x = f * 0.9 * k * t
        tau = rng.uniform(0.4, 0.6) * dur
        thigh, bend = _run_legs(t, 2.2, 0.25)
        offset = np.interp(t, [0, tau - 0.25, tau, tau + 0.15, tau + 0.5, 99],
                           [0.3, 0.3, 0.8, -0.1, 0.3, 0.3])
        thigh[:, 1] = np.clip(1.5 * (offset - 0.3), -0.6, 0.9)
        lean = -0.6 * (offset - 0.3)
        arm = arm + 0.6 * np.abs(offset - 0.3)[:, None]
        ball_x = x + f * offset
    elif label == 'Chop':
        tau = rng.uniform(0.4, 0.6) * dur
        v = 2.8 * k
        before = t < tau + 0.05
        x = np.where(before, f * v * t, f * v * tau - f * 1.3 * (t - tau - 0.05))
        thigh, bend = _run_legs(t, 2.8, 0.5)
        chop = _bump(t, tau - 0.12, tau + 0.12)
        thigh[:, 1] = thigh[:, 1] * (1 - chop) - 1.0 * chop
        bend[:, 1] = bend[:, 1] + 0.8 * chop
        facing = np.where(before, f, -f)
        ball_x = np.where(t < tau, x + f * 0.35, f * v * tau + f * 0.35 - f * 2.4 * (t - tau))
    else:
        tau = {'Penalty-Kick': rng.uniform(0.5, 0.65), 'Goal': rng.uniform(0.45, 0.65),
               'Free-Kick': rng.uniform(0.6, 0.72)}[label] * dur
        kick = _bump(t, tau - 0.08, tau + 0.22)
        after = np.clip(t - tau, 0, None)
        if label == 'Penalty-Kick':
            start = -f * 2.4 * k
            x = np.where(t < tau, start + (f * 2.1 * k) * t / tau,
                         start + f * 2.1 * k + f * 0.5 * (1 - np.exp(-after / 0.2)))
            thigh, bend = _run_legs(t, 3.0, 0.55)
            ball_x = f * 14 * after
            ball_y = ball_y + 3.5 * after
        elif label == 'Goal':
            v = 3.5 * k
            x = f * (v * np.minimum(t, tau) + 2.0 * after)
            thigh, bend = _run_legs(t, 3.2, 0.6)
            ball_x = np.where(t < tau, x + f * (0.35 + 0.2 * np.abs(np.sin(2 * np.pi * 1.6 * t))),
                              f * (v * tau + 0.4 + 16 * after))
            ball_y = ball_y + 1.2 * after
        else:
            start, t0 = -f * 1.3, tau - 0.6
            x = start + f * 1.0 * np.clip((t - t0) / 0.6, 0, None)
            x = np.where(t > tau, start + f * 1.0 + f * 0.3 * (1 - np.exp(-after / 0.2)), x)
            thigh, bend = _run_legs(t, 2.5, 0.35 * (t > t0)[:, None])
            ball_x = f * 6.5 * after
            ball_y = ball_y + 6 * after - 5 * after ** 2
        still = (t >= tau + 0.22)[:, None]
        thigh = np.where(still, 0.05, thigh) * (1 - kick[:, None])
        thigh[:, 1] += 1.3 * kick
        lean = -0.2 * kick
        arm = arm + 0.7 * kick[:, None]
        if label != 'Goal':
            ball_x = np.where(t < tau, 0.0, ball_x)
    return dict(root=np.stack([x, y], 1), facing=facing, thigh=thigh, bend=bend, arm=arm,
                lean=lean, rot=np.zeros(n), ball=np.stack([ball_x, ball_y], 1), tau=tau)


def _goalkeeper(t: np.ndarray, x: float, f: float, shot: float, rng) -> Dict:
    """A goalkeeper facing the shooter (facing ``-f``) who dives at time ``shot``."""
    n = len(t)
    side = rng.choice([-1.0, 1.0])
    p = np.clip((t - shot) / 0.4, 0, 1)
    rot = side * 1.3 * p
    return dict(root=np.stack([x + 0.9 * side * p * f, 0.85 + 0.45 * np.sin(np.pi * p * 0.9)], 1),
                facing=np.full(n, -f), thigh=np.full((n, 2), 0.3) * (1 - p[:, None]),
                bend=np.full((n, 2), 0.5) * (1 - p[:, None]), arm=0.6 + 2.2 * np.stack([p, p], 1),
                lean=np.full(n, 0.15), rot=rot, ball=None)


def _standing(x: float, n: int, f: float) -> Dict:
    """A still figure (defender, member of a defensive wall)."""
    return dict(root=np.tile([x, 0.92], (n, 1)), facing=np.full(n, f), thigh=np.zeros((n, 2)),
                bend=np.full((n, 2), 0.1), arm=np.full((n, 2), 0.2), lean=np.zeros(n),
                rot=np.zeros(n), ball=None)


def _skeleton(m: Dict) -> Dict[str, np.ndarray]:
    """World positions ``(T, 2)`` of every keypoint of a figure's motion ``m``."""
    f, lean = m['facing'][:, None], m['lean']
    root = m['root']
    hip_off = np.concatenate([LIMB['hip'] * f, np.zeros_like(f)], 1)
    p = dict(mid_hip=root, l_hip=root - hip_off, r_hip=root + hip_off)
    p['neck'] = root + LIMB['torso'] * np.stack([np.sin(lean) * f[:, 0], np.cos(lean)], 1)
    sh_off = np.concatenate([LIMB['shoulder'] * f, np.full_like(f, 0.03)], 1)
    p['l_shoulder'], p['r_shoulder'] = p['neck'] - sh_off, p['neck'] + sh_off * [1, -1]
    head = p['neck'] + np.concatenate([0.03 * f, np.full_like(f, 0.17)], 1)
    p['head'] = head
    p['nose'] = head + np.concatenate([0.09 * f, np.zeros_like(f)], 1)
    for side, s in (('l', -1), ('r', 1)):
        p[f'{side}_eye'] = head + np.concatenate([(0.06 + 0.02 * s) * f, np.full_like(f, 0.03)], 1)
        p[f'{side}_ear'] = head + np.concatenate([-0.03 * s * f, np.zeros_like(f)], 1)
        i = 0 if side == 'l' else 1
        th, bd = m['thigh'][:, i:i + 1], m['bend'][:, i:i + 1]
        p[f'{side}_knee'] = p[f'{side}_hip'] + LIMB['thigh'] * np.concatenate(
            [np.sin(th) * f, -np.cos(th)], 1)
        p[f'{side}_ankle'] = p[f'{side}_knee'] + LIMB['shin'] * np.concatenate(
            [np.sin(th - bd) * f, -np.cos(th - bd)], 1)
        foot = np.concatenate([f, np.zeros_like(f)], 1)
        p[f'{side}_big_toe'] = p[f'{side}_ankle'] + 0.16 * foot
        p[f'{side}_small_toe'] = p[f'{side}_ankle'] + 0.13 * foot + [0, 0.01]
        p[f'{side}_heel'] = p[f'{side}_ankle'] - 0.05 * foot
        a = m['arm'][:, i:i + 1]
        out = s * f
        p[f'{side}_elbow'] = p[f'{side}_shoulder'] + LIMB['upper_arm'] * np.concatenate(
            [np.sin(a) * out, -np.cos(a)], 1)
        p[f'{side}_wrist'] = p[f'{side}_elbow'] + LIMB['forearm'] * np.concatenate(
            [np.sin(a + 0.4) * out, -np.cos(a + 0.4)], 1)
    c, s = np.cos(m['rot'])[:, None], np.sin(m['rot'])[:, None]
    for name, q in p.items():
        d = q - root
        p[name] = root + np.concatenate([c * d[:, :1] - s * d[:, 1:], s * d[:, :1] + c * d[:, 1:]],
                                        1)
    return p


class _Camera:
    """Per-frame world-to-image similarity: pan (following a target), jitter and zoom."""

    def __init__(self, target_x: np.ndarray, scale: float, shape: tuple, rng):
        n = len(target_x)
        h, w = shape
        smooth = np.convolve(np.pad(target_x, 3, mode='edge'), np.ones(7) / 7, mode='valid')
        drift = np.cumsum(rng.normal(0, 0.03, n))
        self.cx = smooth + drift + rng.normal(0, 0.03, n)
        self.cy = np.cumsum(rng.normal(0, 0.5, n)) + rng.normal(0, 1.0, n)
        zoom = 1 + rng.uniform(0, 0.1) * np.sin(np.linspace(0, rng.uniform(1, 3), n) +
                                                 rng.uniform(0, 6.3))
        self.s = scale * zoom
        self.w, self.ground = w, h * 0.8

    def __call__(self, pts: np.ndarray) -> np.ndarray:
        """World points ``(T, ..., 2)`` -> image points (pixels)."""
        ex = (slice(None),) + (None,) * (pts.ndim - 2)
        return np.stack([self.w / 2 + self.s[ex] * (pts[..., 0] - self.cx[ex]),
                         self.ground + self.cy[ex] - self.s[ex] * pts[..., 1]], -1)


def _draw_figure(canvases: List[Tuple[np.ndarray, tuple]], pts: Dict[str, np.ndarray],
                 scale: float) -> None:
    """Draw one figure (image points of one frame) on each ``(canvas, colour)``."""
    limb, arm = max(2, int(round(0.12 * scale))), max(1, int(round(0.08 * scale)))

    def ip(name):
        return tuple(int(round(v)) for v in pts[name])

    torso = np.array([ip('l_shoulder'), ip('r_shoulder'), ip('r_hip'), ip('l_hip')], np.int32)
    for img, colour in canvases:
        cv2.fillConvexPoly(img, torso, colour[0])
        cv2.line(img, ip('neck'), ip('mid_hip'), colour[0], max(2, int(0.25 * scale)))
        for side in 'lr':
            cv2.line(img, ip(f'{side}_hip'), ip(f'{side}_knee'), colour[1], limb)
            cv2.line(img, ip(f'{side}_knee'), ip(f'{side}_ankle'), colour[1], limb)
            cv2.line(img, ip(f'{side}_ankle'), ip(f'{side}_big_toe'), colour[2], limb)
            cv2.line(img, ip(f'{side}_shoulder'), ip(f'{side}_elbow'), colour[0], arm)
            cv2.line(img, ip(f'{side}_elbow'), ip(f'{side}_wrist'), colour[2], arm)
        cv2.circle(img, ip('head'), max(2, int(round(LIMB['head'] * scale))), colour[2], -1)


def _background(cam: _Camera, shape: tuple, rng) -> np.ndarray:
    """Mown-grass frames ``(T, H, W, 3)`` whose stripes move with the camera."""
    n, (h, w) = len(cam.s), shape
    base = cv2.cvtColor(np.uint8([[[rng.integers(35, 75), rng.integers(110, 200),
                                    rng.integers(90, 170)]]]), cv2.COLOR_HSV2BGR)[0, 0]
    xs = (np.arange(w)[None] - w / 2) / cam.s[:, None] + cam.cx[:, None]
    stripe = (np.floor(xs / rng.uniform(1.2, 2.0)) % 2) * 2 - 1
    frames = base[None, None, None].astype(np.float32) + 12 * stripe[:, None, :, None]
    frames = np.broadcast_to(frames, (n, h, w, 3)).copy()
    line_y = (cam.ground + cam.cy + cam.s * 0.6).astype(int)
    rows = np.arange(h)[None]
    frames[np.abs(rows - line_y[:, None]) <= 1] = 235
    frames += rng.normal(0, 4, frames.shape).astype(np.float32)
    return np.clip(frames, 0, 255).astype(np.uint8)


def _bbox(mask: np.ndarray) -> np.ndarray:
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    if not len(rows):
        return np.full(4, np.nan, np.float32)
    return np.array([cols[0], rows[0], cols[-1] + 1, rows[-1] + 1], np.float32)


def _render_clip(label: str, rng: np.random.Generator, max_frames: Optional[int] = None) -> Dict:
    """Render one clip: frames, per-figure masks, image keypoints and ball masks."""
    task = coarse_task(label)
    n = int(rng.integers(18, 31) if task == 'dribbling' else rng.integers(32, 49))
    n = min(n, max_frames or n)
    h, w = FRAME_SIZES[rng.integers(len(FRAME_SIZES))]
    t = np.arange(n) / FPS
    f = rng.choice([-1.0, 1.0])
    player = _motion(label, t, f, rng)
    figures = {'player': player}
    if task == 'shooting':
        shot = player['tau']
        spot = np.interp(shot, t, player['root'][:, 0]) if label == 'Goal' else 0.0
        figures['goalkeeper'] = _goalkeeper(t, spot + f * 5.0, f, shot + 0.1, rng)
        target = (player['root'][:, 0] + f * 1.2 if label == 'Goal'
                  else np.full(n, (player['root'][0, 0] + f * 5.0) / 2))
        scale = h * rng.uniform(0.85, 1.15) / 6.0
    else:
        target, scale = player['root'][:, 0] + f * 0.3, h * rng.uniform(0.85, 1.15) / 4.2
        if rng.random() < 0.5:
            figures['defender'] = _standing(player['root'][-1, 0] + f * 1.6, n, -f)
    if label == 'Free-Kick':
        for i in range(4):
            figures[f'defensive_wall_{i}'] = _standing(f * (2.7 + 0.1 * i) + 0.22 * i * f, n, -f)
    cam = _Camera(target, scale, (h, w), rng)
    frames = _background(cam, (h, w), rng)
    colours = {name: tuple(tuple(int(c) for c in rng.integers(0, 256, 3)) for _ in range(2))
               for name in figures}
    skin = tuple(int(c) for c in rng.integers(90, 230, 3))
    image_pts = {name: {k: cam(v) for k, v in _skeleton(m).items()} for name, m in figures.items()}
    ball_img = cam(player['ball'])
    masks = {name: np.zeros((n, h, w), np.uint8) for name in figures}
    masks['ball'] = np.zeros((n, h, w), np.uint8)
    draw_order = [k for k in figures if k != 'player'] + ['player']
    for j in range(n):
        for name in draw_order:
            pts = {k: v[j] for k, v in image_pts[name].items()}
            body, legs = colours[name]
            _draw_figure([(frames[j], (body, legs, skin)), (masks[name][j], (1, 1, 1))], pts,
                         cam.s[j])
        centre = tuple(int(round(v)) for v in ball_img[j])
        radius = max(2, int(round(LIMB['ball'] * cam.s[j])))
        cv2.circle(frames[j], centre, radius, (250, 250, 250), -1)
        cv2.circle(masks['ball'][j], centre, radius, 1, -1)
    return dict(label=label, task=task, frames=frames, masks=masks, image_pts=image_pts,
                shape=(h, w))


def _keypoints(pts: Dict[str, np.ndarray], names: tuple, shape: tuple) -> tuple:
    """``(T, K, 2)`` keypoints in ``names`` order and scores 1 inside the frame, 0 outside."""
    kpts = np.stack([pts[n] for n in names], 1).astype(np.float32)
    h, w = shape
    inside = (kpts[..., 0] >= 0) & (kpts[..., 0] < w) & (kpts[..., 1] >= 0) & (kpts[..., 1] < h)
    return kpts, inside.astype(np.float32)


def _rows(items: list, shape: tuple) -> np.ndarray:
    """Stack per-instance arrays into ``(K, *shape)`` float32 (K may be 0)."""
    return np.asarray(items, np.float32).reshape((len(items),) + shape)


def _write_clip(clip: Dict, clip_id: str, out_dir: str) -> List[dict]:
    """Write the video and the gt_det / gt_pose caches; return the GT annotation samples."""
    label, task, frames, masks = clip['label'], clip['task'], clip['frames'], clip['masks']
    n, (h, w) = len(frames), clip['shape']
    rel = osp.join('videos', task, CLASS_DIRS[label], f'{clip_id}.mp4')
    os.makedirs(osp.dirname(osp.join(out_dir, rel)), exist_ok=True)
    writer = cv2.VideoWriter(osp.join(out_dir, rel), cv2.VideoWriter_fourcc(*'mp4v'), FPS, (w, h))
    for frame in frames:
        writer.write(frame)
    writer.release()
    people = [k for k in masks if k != 'ball']
    boxes = {k: np.stack([_bbox(m) for m in masks[k]]) for k in masks}
    rles = {k: mask_utils.encode(np.asfortranarray(masks[k].transpose(1, 2, 0))) for k in masks}
    kpts = {k: _keypoints(clip['image_pts'][k], COCO17, (h, w)) for k in people}
    kpts25 = {k: _keypoints(clip['image_pts'][k], BODY25, (h, w)) for k in people}
    det, pose, pose25, gt_objects = [], [], [], []
    for j in range(n):
        shown = [k for k in masks if np.isfinite(boxes[k][j]).all()]
        persons = [k for k in shown if k != 'ball']
        det.append(dict(bboxes=_rows([boxes[k][j] for k in shown], (4,)),
                        scores=np.ones(len(shown), np.float32),
                        labels=np.array([32 if k == 'ball' else 0 for k in shown], np.int64),
                        masks=[rles[k][j] for k in shown]))
        for dst, src, joints in ((pose, kpts, len(COCO17)), (pose25, kpts25, len(BODY25))):
            dst.append(dict(bboxes=_rows([boxes[k][j] for k in persons], (4,)),
                            keypoints=_rows([src[k][0][j] for k in persons], (joints, 2)),
                            keypoint_scores=_rows([src[k][1][j] for k in persons], (joints,))))
        gt_objects += [dict(frame=j, category=k.rsplit('_', 1)[0] if k[-1].isdigit() else k,
                            bbox=boxes[k][j].tolist(), track_id=i)
                       for i, k in enumerate(masks) if k in shown]
    meta = dict(num_frames=n, img_shape=(h, w), source='synthetic ground truth')
    save_clip_cache(osp.join(out_dir, 'preprocessed', 'gt_det', f'{clip_id}.pkl'),
                    dict(meta, frames=det))
    save_clip_cache(osp.join(out_dir, 'preprocessed', 'gt_pose_coco17', f'{clip_id}.pkl'),
                    dict(meta, frames=pose))
    save_clip_cache(osp.join(out_dir, 'preprocessed', 'gt_pose_body25', f'{clip_id}.pkl'),
                    dict(meta, frames=pose25))
    samples = []
    for role in ('player', 'goalkeeper'):
        if role not in masks:
            continue
        valid = np.isfinite(boxes[role]).all(1)
        name = label if role == 'player' else 'Goal-Saving'
        samples.append(dict(
            sample_id=f'{clip_id}#{role}', clip_id=clip_id, filename=rel, total_frames=n,
            fps=float(FPS), img_shape=(h, w), original_shape=(h, w), valid_frames=valid,
            task=task, coarse_label=int(task == 'shooting'),
            label=CLASSES.index(label) if role == 'player' else -1, label_name=name,
            actor_role=role, source='synthetic', match_id=None, gt_actor_bboxes=boxes[role],
            gt_objects=gt_objects))
    return samples


@register_generator('soccer', default_dir='data/soccer_synthetic')
def generate(out_dir: str, seed: int = 0, clips_per_class: int = 50, n_splits: int = 5,
             preprocess: bool = True, energy_modes: Tuple[str, ...] = ('translation',),
             max_frames: Optional[int] = None) -> None:
    """Synthetic soccer highlight clips (6 actions + goalkeepers) in the real soccer format.

    Args:
        out_dir: data root to write (``videos/``, ``annotations/``, ``preprocessed/``,
            ``energy/``).
        seed: random seed; the same seed writes the same data.
        clips_per_class: clips of each of the six classes.
        n_splits: random stratified splits per task (5 in the thesis).
        preprocess: run the ground-truth fast path of the preprocessing pipeline (association
            and energy images) after writing, so the set is ready for training.
        energy_modes: registration modes whose energy images are cached.
        max_frames: cap on the clip length (tests use short clips; the action then plays
            faster).
    """
    rng = np.random.default_rng(seed)
    labels = [c for c in CLASSES for _ in range(clips_per_class)]
    samples = []
    bar = ProgressBar(len(labels))
    for i, label in enumerate(labels):
        clip_id = f'{CLASS_DIRS[label]}_{i:04d}'
        samples += _write_clip(_render_clip(label, rng, max_frames), clip_id, out_dir)
        bar.update()
    print()
    save_annotations(osp.join(out_dir, GT_FILE), samples)
    for task, classes in TASK_CLASSES.items():
        write_label_map(osp.join(out_dir, 'annotations', f'label_map_{task}.txt'), classes)
        write_splits(osp.join(out_dir, 'annotations', 'splits'), task,
                     make_splits(samples, task, n_splits=n_splits, seed=seed))
    if preprocess:
        from ..soccer_preprocessing.pipeline import SoccerPreprocessor
        SoccerPreprocessor(out_dir, det_dir='preprocessed/gt_det',
                           pose_dir='preprocessed/gt_pose_coco17',
                           body25_dir='preprocessed/gt_pose_body25',
                           energy_modes=energy_modes, **GT_PATH_CFG).run(['associate', 'energy'])
        write_skeleton_annotations(out_dir, n_splits=n_splits)
    write_video_lists(out_dir, GT_FILE, n_splits=n_splits)
