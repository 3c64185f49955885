"""Synthetic indoor rooms: ray-cast box rooms filmed along hand-held camera paths (spec §7.5).

Each sequence is an axis-aligned room (floor, ceiling, four walls) with 3-6 furniture boxes
standing on the floor, all textured with scikit-image's bundled photographs (tinted, tiled at
random physical scales) and a fixed per-face shading, so colour is view-independent and
photometric consistency between views is exact up to sampling. Room size varies per sequence
(``room_scale``) to exercise depth factorization. The camera follows a smooth hand-held path
(:class:`CameraMotion`) with yaw, pitch and roll changes and moderate translation. The defaults
make halls (``footprint`` 1.6) filmed looking 25 deg down at 3 deg of yaw and 13 cm per frame:
given the true camera motion, a CPU-sized depth network learns from the photometric loss on them
within minutes; learning depth and motion together from scratch on the CPU budget needs gentler
turns (``rot_step_deg=1``; configs/monoindoor/README.md). Rendering is vectorized NumPy ray
casting (ray/box slab tests for every pixel at once) with ``supersample``-fold anti-aliasing.

Coordinates: world and camera frames follow OpenCV (x right, y down, z forward); poses are
camera-to-world 4x4; depth is z-depth in metres (not ray length); intrinsics
``fx = fy = 0.8 W``, ``cx = W/2``, ``cy = H/2``.

:func:`render_sequence` returns the frames; the registered generator ``rooms`` writes them in
the on-disk layout of a real data set (``layout='scannet'`` by default: ScanNet's SensReader
export; also ``'nyuv2'``, ``'euroc'`` and ``'7scenes'``), see :mod:`.indoor_rooms_writers`.
"""
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from .indoor_rooms_writers import WRITERS
from .registry import register_generator

_TEXTURES = ('brick', 'grass', 'gravel', 'coffee', 'chelsea', 'astronaut', 'rocket',
             'immunohistochemistry', 'hubble_deep_field', 'camera', 'moon', 'coins', 'text')


class CameraMotion(NamedTuple):
    """How the hand-held camera moves (defaults: the ``rooms`` generator's).

    Attributes:
        step: translation per frame (metres at room scale 1).
        rot_step_deg: yaw change per frame (degrees); pitch and roll change at half and 0.3x.
        look_down_deg: mean downward pitch of the camera (degrees).
        pitch_range_deg, roll_range_deg: about how far pitch and roll swing around their means
            (:func:`smooth_signal` fixes their speed, so the swing can exceed this a little).
        free_space: fraction of the room's half-extents (x, z) in which the camera moves; no
            furniture stands there.
    """
    step: float = 0.12
    rot_step_deg: float = 3.0
    look_down_deg: float = 25.0
    pitch_range_deg: float = 5.0
    roll_range_deg: float = 3.0
    free_space: float = 0.7


class Box(NamedTuple):
    """An axis-aligned box ``lo <= x <= hi`` (world metres) with a texture per face."""
    lo: np.ndarray
    hi: np.ndarray
    textures: np.ndarray  # (6,) texture index of faces -x, +x, -y, +y, -z, +z


class Room(NamedTuple):
    room: Box
    boxes: List[Box]
    tex_scale: np.ndarray  # (num_textures,) metres per texture tile
    shade: np.ndarray  # (6,) brightness per face orientation


def load_textures(rng: np.random.Generator, size: int = 256) -> np.ndarray:
    """scikit-image sample photos as ``(N, size, size, 3)`` float textures in [0, 1], tinted."""
    import cv2
    import skimage.data

    out = []
    for name in _TEXTURES:
        img = getattr(skimage.data, name)().astype(np.float32) / 255
        if img.ndim == 2:
            img = img[..., None] * (0.4 + 0.6 * rng.random(3, dtype=np.float32))
        side = min(img.shape[:2])
        img = cv2.resize(img[:side, :side, :3], (size, size), interpolation=cv2.INTER_AREA)
        # smooth enough for the low-resolution renders to resolve and for photometric losses to
        # have a basin wider than a few pixels of camera motion
        img = cv2.GaussianBlur(img, (0, 0), 6.0)
        out.append(0.15 + 0.8 * img)
    return np.stack(out)


def make_room(rng: np.random.Generator, scale: float, num_textures: int,
              free_space: float, footprint: float = 1.0) -> Room:
    """A room of half-extents ~``(2.5 footprint, 1.4, 3.5 footprint) * scale`` with 3-6 boxes
    standing on the floor outside the central region (``free_space`` of the half-extents) where
    the camera moves. ``footprint`` > 1 makes halls: wider and longer, the same height."""
    half = np.array([rng.uniform(2.0, 3.0) * footprint, rng.uniform(1.2, 1.5),
                     rng.uniform(2.8, 4.0) * footprint]) * scale
    room = Box(-half, half, rng.integers(0, num_textures, 6))
    boxes = []
    while len(boxes) < rng.integers(3, 7):
        size = np.array([rng.uniform(0.4, 1.2), rng.uniform(0.4, 2.0), rng.uniform(0.4, 1.2)])
        size = size * scale
        center = rng.uniform(-half + size / 2, half - size / 2)
        lo, hi = center - size / 2, center + size / 2
        lo[1], hi[1] = half[1] - size[1], half[1]
        free = free_space * half[[0, 2]]
        if np.all((hi[[0, 2]] > -free) & (lo[[0, 2]] < free)):
            continue  # would stand in the camera's free space
        boxes.append(Box(lo, hi, rng.integers(0, num_textures, 6)))
    tex_scale = rng.uniform(1.0, 3.0, num_textures) * scale
    shade = np.array([0.8, 0.75, 1.0, 0.55, 0.9, 0.7])
    return Room(room, boxes, tex_scale, shade)


def euler_to_rot(yaw: np.ndarray, pitch: np.ndarray, roll: np.ndarray) -> np.ndarray:
    """``(T,)`` angles (rad) -> ``(T, 3, 3)`` camera-to-world rotations ``R_y(yaw) R_x(pitch)
    R_z(roll)`` (yaw about the vertical y axis)."""
    cy, sy, cp, sp, cr, sr = (np.cos(yaw), np.sin(yaw), np.cos(pitch), np.sin(pitch),
                              np.cos(roll), np.sin(roll))
    one, zero = np.ones_like(yaw), np.zeros_like(yaw)
    ry = np.stack([cy, zero, sy, zero, one, zero, -sy, zero, cy], -1).reshape(-1, 3, 3)
    rx = np.stack([one, zero, zero, zero, cp, -sp, zero, sp, cp], -1).reshape(-1, 3, 3)
    rz = np.stack([cr, -sr, zero, sr, cr, zero, zero, zero, one], -1).reshape(-1, 3, 3)
    return ry @ rx @ rz


def smooth_signal(rng: np.random.Generator, num: int, amplitude: float, speed: float,
                  components: int = 3) -> np.ndarray:
    """A smooth random signal within about ``+-amplitude`` whose mean absolute change per frame
    is ``speed`` (a sum of sinusoids, rescaled)."""
    t = np.arange(num + 1)
    out = np.zeros(num + 1)
    for _ in range(components):
        freq = rng.uniform(0.5, 1.5) * speed * components / max(amplitude, 1e-6)
        out += np.sin(freq * t + rng.uniform(0, 2 * np.pi)) * amplitude / components
    rate = np.abs(np.diff(out)).mean()
    return out[:num] * (speed / rate if rate > 0 else 1.0)


def camera_path(rng: np.random.Generator, room: Room, num: int, step: float,
                motion: CameraMotion = CameraMotion()) -> np.ndarray:
    """``(T, 4, 4)`` camera-to-world poses of a hand-held walk inside the free central space:
    about ``step`` metres (already times the room scale) and ``motion.rot_step_deg`` degrees of
    yaw per frame, pitch and roll changing at half and 0.3x that rate."""
    half = room.room.hi
    free = motion.free_space * half * 0.8
    pos = [smooth_signal(rng, num, free[0], step * 0.7),
           smooth_signal(rng, num, 0.15 * half[1], step * 0.2) - 0.1 * half[1],
           smooth_signal(rng, num, free[2], step * 0.7)]
    pos = np.stack([np.clip(p, -f, f) for p, f in zip(pos, free)], -1)
    rate = np.deg2rad(motion.rot_step_deg)
    yaw = rng.uniform(0, 2 * np.pi) + smooth_signal(rng, num, np.pi, rate)
    # y points down: a negative pitch about x tilts the optical axis towards the floor
    pitch = (-np.deg2rad(motion.look_down_deg)
             + smooth_signal(rng, num, np.deg2rad(motion.pitch_range_deg), rate * 0.5))
    roll = smooth_signal(rng, num, np.deg2rad(motion.roll_range_deg), rate * 0.3)
    poses = np.tile(np.eye(4), (num, 1, 1))
    poses[:, :3, :3] = euler_to_rot(yaw, pitch, roll)
    poses[:, :3, 3] = pos
    return poses


def intersect_boxes(origin: np.ndarray, dirs: np.ndarray, lo: np.ndarray,
                    hi: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Slab test of ``(N, 3)`` rays from ``origin`` against ``(M, 3)`` boxes from outside.

    Returns the entry distance ``(N, M)`` (inf on a miss) and the entry face ``(N, M)``
    (``2 axis + (0 if entering through the low side else 1)``).
    """
    with np.errstate(divide='ignore', invalid='ignore'):
        inv = 1.0 / dirs[:, None, :]
        t1 = (lo[None] - origin) * inv
        t2 = (hi[None] - origin) * inv
    near, far = np.minimum(t1, t2), np.maximum(t1, t2)
    axis = near.argmax(-1)
    t_near, t_far = near.max(-1), far.min(-1)
    hit = (t_near <= t_far) & (t_near > 1e-6)
    side = np.take_along_axis(dirs[:, None, :].repeat(lo.shape[0], 1), axis[..., None], -1)[..., 0]
    face = 2 * axis + (side < 0)
    return np.where(hit, t_near, np.inf), face


def intersect_room(origin: np.ndarray, dirs: np.ndarray,
                   room: Box) -> Tuple[np.ndarray, np.ndarray]:
    """Exit distance ``(N,)`` and face of rays cast from inside the room box."""
    with np.errstate(divide='ignore'):
        bound = np.where(dirs > 0, room.hi, room.lo)
        t = (bound - origin) / dirs
    t = np.where(np.isfinite(t) & (t > 0), t, np.inf)
    axis = t.argmin(-1)
    sign = np.take_along_axis(dirs, axis[:, None], -1)[:, 0] > 0
    return t.min(-1), 2 * axis + sign


def shade_points(points: np.ndarray, face: np.ndarray, tex_id: np.ndarray, room: Room,
                 textures: np.ndarray) -> np.ndarray:
    """Colour ``(N, 3)`` of surface points: bilinear texture lookup in face coordinates."""
    axis = face // 2
    u_axis = np.where(axis == 0, 2, 0)
    v_axis = np.where(axis == 1, 2, 1)
    scale = room.tex_scale[tex_id]
    size = textures.shape[1]
    u = np.take_along_axis(points, u_axis[:, None], 1)[:, 0] / scale * size
    v = np.take_along_axis(points, v_axis[:, None], 1)[:, 0] / scale * size
    u0, v0 = np.floor(u).astype(np.int64), np.floor(v).astype(np.int64)
    fu, fv = (u - u0)[:, None], (v - v0)[:, None]

    def tex(vv, uu):
        return textures[tex_id, vv % size, uu % size]

    color = ((1 - fu) * (1 - fv) * tex(v0, u0) + fu * (1 - fv) * tex(v0, u0 + 1)
             + (1 - fu) * fv * tex(v0 + 1, u0) + fu * fv * tex(v0 + 1, u0 + 1))
    return color * room.shade[face][:, None]


def render_frame(room: Room, pose: np.ndarray, K: np.ndarray, height: int, width: int,
                 textures: np.ndarray, supersample: int = 2) -> Tuple[np.ndarray, np.ndarray]:
    """Render one view: ``(H, W, 3)`` uint8 RGB and ``(H, W)`` float32 z-depth (metres)."""
    s = supersample
    ys, xs = np.meshgrid((np.arange(height * s) + 0.5) / s - 0.5,
                         (np.arange(width * s) + 0.5) / s - 0.5, indexing='ij')
    pix = np.stack([xs.ravel(), ys.ravel(), np.ones(xs.size)], -1).astype(np.float32)
    # rays with z = 1: the distance along them is the z-depth
    rays_cam = pix @ np.linalg.inv(K).astype(np.float32).T
    dirs = rays_cam @ pose[:3, :3].T.astype(np.float32)
    origin = pose[:3, 3].astype(np.float32)
    t, face = intersect_room(origin, dirs, room.room)
    tex_id = room.room.textures[face]
    if room.boxes:
        lo = np.stack([b.lo for b in room.boxes])
        hi = np.stack([b.hi for b in room.boxes])
        tb, fb = intersect_boxes(origin, dirs, lo, hi)
        nearest = tb.argmin(-1)
        t_box = tb[np.arange(len(tb)), nearest]
        closer = t_box < t
        box_tex = np.stack([b.textures for b in room.boxes])
        t = np.where(closer, t_box, t)
        face = np.where(closer, fb[np.arange(len(fb)), nearest], face)
        tex_id = np.where(closer, box_tex[nearest, face], tex_id)
    points = origin + dirs * t[:, None]
    color = shade_points(points, face, tex_id, room, textures)
    color = color.reshape(height, s, width, s, 3).mean((1, 3))
    # inverse depth is affine in the image over a plane: its sub-pixel mean is the centre's
    depth = 1 / (1 / t.reshape(height, s, width, s)).mean((1, 3))
    rgb = np.clip(np.round(color * 255), 0, 255).astype(np.uint8)
    return rgb, depth.astype(np.float32)


def intrinsics(height: int, width: int) -> np.ndarray:
    """Pixel intrinsics ``fx = fy = 0.8 W``, principal point at the image centre."""
    return np.array([[0.8 * width, 0, width / 2], [0, 0.8 * width, height / 2], [0, 0, 1.0]])


def render_sequence(rng: np.random.Generator, textures: np.ndarray, num_frames: int,
                    height: int, width: int, room_scale: float,
                    motion: CameraMotion = CameraMotion(), supersample: int = 2,
                    footprint: float = 1.6) -> Dict[str, np.ndarray]:
    """Render a sequence of a new room (:func:`make_room`) filmed with ``motion``.

    Returns:
        ``rgb`` ``(T, H, W, 3)`` uint8, ``depth`` ``(T, H, W)`` float32 metres, ``poses``
        ``(T, 4, 4)`` camera-to-world, ``K`` ``(3, 3)`` pixel intrinsics.
    """
    room = make_room(rng, room_scale, len(textures), motion.free_space, footprint)
    poses = camera_path(rng, room, num_frames, motion.step * room_scale, motion)
    K = intrinsics(height, width)
    frames = [render_frame(room, pose, K, height, width, textures, supersample) for pose in poses]
    return dict(rgb=np.stack([f[0] for f in frames]), depth=np.stack([f[1] for f in frames]),
                poses=poses, K=K)


@register_generator('rooms', default_dir='data/rooms_synthetic')
def generate(out_dir: str, seed: int = 0, layout: str = 'scannet', height: int = 64,
             width: int = 96, num_train: int = 48, num_test: int = 4, frames: int = 30,
             test_frames: int = 30, room_scale: Tuple[float, float] = (0.6, 1.6),
             step: float = 0.12, rot_step_deg: float = 3.0, look_down_deg: float = 25.0,
             pitch_range_deg: float = 5.0, roll_range_deg: float = 3.0,
             free_space: float = 0.7, footprint: float = 1.6, supersample: int = 2,
             distortion: Optional[Sequence[float]] = None) -> None:
    """Indoor rooms along hand-held camera paths, with GT depth and poses (ScanNet layout).

    Args:
        out_dir: output folder.
        seed: random seed (rooms, textures, paths).
        layout: ``'scannet'``, ``'nyuv2'``, ``'euroc'`` (grey) or ``'7scenes'``.
        height, width: image size (multiples of 32 for the networks).
        num_train, num_test: sequences per split (test rooms are unseen in training).
        frames, test_frames: frames per training / test sequence.
        room_scale: range of the per-sequence room scale (a single value: fixed-range variant).
        step: translation per frame (metres at room scale 1).
        rot_step_deg: yaw change per frame (degrees).
        look_down_deg, pitch_range_deg, roll_range_deg, free_space: the rest of the camera
            motion (:class:`CameraMotion`).
        footprint: horizontal size of the rooms relative to their height (:func:`make_room`).
        supersample: anti-aliasing factor per axis.
        distortion: radial-tangential ``(k1, k2, p1, p2)`` applied to EuRoC-layout images.
    """
    if layout not in WRITERS:
        raise KeyError(f'layout must be one of {sorted(WRITERS)}, got {layout!r}')
    if layout != 'euroc' and distortion is not None:
        raise ValueError('distortion is only written with layout=euroc')
    rng = np.random.default_rng(seed)
    textures = load_textures(rng)
    lo, hi = (room_scale, room_scale) if np.isscalar(room_scale) else room_scale
    motion = CameraMotion(step, rot_step_deg, look_down_deg, pitch_range_deg, roll_range_deg,
                          free_space)
    sequences = []
    for i in range(num_train + num_test):
        split = 'train' if i < num_train else 'test'
        seq = render_sequence(rng, textures, frames if split == 'train' else test_frames,
                              height, width, rng.uniform(lo, hi), motion, supersample,
                              footprint)
        name = (f'scene{i:04d}_00' if layout != 'euroc' else
                f'{"MH" if split == "train" else "V2"}_{i:02d}_synthetic')
        sequences.append(dict(seq, name=name, split=split))
    kwargs = dict(distortion=distortion) if layout == 'euroc' else {}
    WRITERS[layout](out_dir, sequences, **kwargs)
