"""Algorithm 1 (joint-guided registration) and the energy image (spec §6.7 items 1-4)."""
import cv2
import numpy as np
import pytest

from thesiscv.datasets.soccer_preprocessing.energy import energy_image
from thesiscv.datasets.soccer_preprocessing.keypoints import REG_JOINTS, merge_registration_joints
from thesiscv.datasets.soccer_preprocessing.registration import (apply_affine, register_joints,
                                                                 triangle_affine)

H, W = 120, 160
#: neck, l_shoulder, r_shoulder, l_hip, mid_hip, r_hip, l_knee, r_knee
JOINTS = np.array([[80, 35], [70, 38], [90, 38], [72, 75], [80, 75], [88, 75], [73, 95],
                   [87, 95]], np.float64)


def player_mask() -> np.ndarray:
    mask = np.zeros((H, W), np.uint8)
    cv2.ellipse(mask, (80, 62), (14, 32), 0, 0, 360, 1, -1)
    cv2.line(mask, (80, 75), (95, 105), 1, 4)
    return mask


def shifted(mask: np.ndarray, dx: int, dy: int) -> np.ndarray:
    return cv2.warpAffine(mask, np.float32([[1, 0, dx], [0, 1, dy]]), (W, H),
                          flags=cv2.INTER_NEAREST)


def test_triangle_affine_is_exact_and_maps_the_anchor_onto_the_reference():
    rng = np.random.default_rng(0)
    src, dst = rng.uniform(0, 100, (3, 2)), rng.uniform(0, 100, (3, 2))
    t_a = triangle_affine(src, dst)
    assert np.abs(apply_affine(t_a, src) - dst).max() < 1e-6
    joints = np.stack([JOINTS, JOINTS @ [[1.1, 0.1], [-0.2, 0.9]] + [7, -3]])
    reg = register_joints(joints, np.ones((2, 8), bool))
    assert np.abs(reg.anchors_mapped[1] - JOINTS[[3, 5]].mean(0)).max() < 1e-6  # C'_j = C_k


def test_a_pose_under_a_known_affine_map_is_registered_back():
    a = np.array([[1.15, 0.12, 9.0], [-0.08, 0.92, -6.0]])
    joints = np.stack([JOINTS, apply_affine(a, JOINTS)])
    mask = player_mask()
    moved = cv2.warpAffine(mask, a, (W, H), flags=cv2.INTER_NEAREST)
    reg = register_joints(joints, np.ones((2, 8), bool), mode='affine')
    assert reg.triples == ['reference', 'l_hip-r_hip-l_shoulder']
    assert np.abs(apply_affine(reg.warps[1], joints[1]) - JOINTS).max() < 1.0
    energy = energy_image(np.stack([mask, moved]), joints, np.ones((2, 8), bool), mode='affine',
                          out_size=None)
    disagree = (energy.raw > 0.25) & (energy.raw < 0.75)
    assert disagree.sum() <= 0.1 * mask.sum()  # pixels where the two registered masks differ


@pytest.mark.parametrize('mode', ['translation', 'affine', 'similarity'])
def test_energy_image_is_invariant_to_a_camera_pan(mode):
    rng = np.random.default_rng(1)
    mask = player_mask()
    shifts = rng.integers(-12, 13, (6, 2))
    shifts[0] = 0
    masks = np.stack([shifted(mask, dx, dy) for dx, dy in shifts])
    joints = JOINTS[None] + shifts[:, None]
    static = energy_image(np.stack([mask] * 6), np.stack([JOINTS] * 6), np.ones((6, 8), bool),
                          mode=mode, out_size=64)
    panned = energy_image(masks, joints, np.ones((6, 8), bool), mode=mode, out_size=64)
    assert np.abs(static.image - panned.image).max() < 1e-5
    unregistered = energy_image(masks, joints, np.ones((6, 8), bool), mode='none', out_size=64)
    assert np.abs(static.image - unregistered.image).max() > 0.5


def test_similarity_mode_compensates_a_camera_zoom():
    mask = player_mask()
    zoom = np.array([[1.3, 0, -0.3 * 80], [0, 1.3, -0.3 * 75]])  # zoom about the hip centre
    masks = np.stack([mask, cv2.warpAffine(mask, zoom, (W, H), flags=cv2.INTER_NEAREST)])
    joints = np.stack([JOINTS, apply_affine(zoom, JOINTS)])
    single = energy_image(mask[None], JOINTS[None], np.ones((1, 8), bool), out_size=64)
    sim = energy_image(masks, joints, np.ones((2, 8), bool), mode='similarity', out_size=64)
    trans = energy_image(masks, joints, np.ones((2, 8), bool), mode='translation', out_size=64)
    err_sim = np.abs(sim.image - single.image).mean()
    assert err_sim < 0.03 and err_sim < 0.5 * np.abs(trans.image - single.image).mean()


def test_energy_of_identical_masks_equals_the_mask():
    mask = player_mask()
    energy = energy_image(np.stack([mask] * 4), np.stack([JOINTS] * 4), np.ones((4, 8), bool),
                          out_size=None)
    x0, y0 = energy.origin
    h, w = energy.raw.shape
    assert np.array_equal(energy.raw, mask[y0:y0 + h, x0:x0 + w].astype(np.float32))
    assert energy.raw.sum() == mask.sum()
    image = energy_image(np.stack([mask] * 4), np.stack([JOINTS] * 4), np.ones((4, 8), bool),
                         out_size=32).image
    assert image.min() >= 0 and image.max() <= 1 and image.max() > 0.99


def test_fallback_order_and_unregistered_frames():
    names = list(REG_JOINTS)
    valid = np.ones((2, 8), bool)
    expected = [(None, 'l_hip-r_hip-l_shoulder'), ('l_shoulder', 'l_hip-r_hip-r_shoulder'),
                ('r_shoulder', 'l_hip-r_hip-neck'), ('r_hip', 'l_hip-neck-l_knee'),
                ('neck', 'l_knee-r_knee-mid_hip'), ('mid_hip', 'l_knee-r_knee')]
    joints = np.stack([JOINTS, JOINTS + 3])
    for drop, triple in expected:
        if drop:
            valid[1, names.index(drop)] = False
        assert register_joints(joints, valid).triples[1] == triple
    valid[1, names.index('l_knee')] = False  # hips, shoulders and knees all gone
    reg = register_joints(joints, valid)
    assert reg.triples[1] is None and np.isnan(reg.warps[1]).all()
    masks = np.stack([player_mask(), shifted(player_mask(), 30, 0)])
    dropped = energy_image(masks, joints, valid, out_size=None)
    kept = energy_image(masks, joints, valid, out_size=None, unregistered_policy='keep')
    assert dropped.num_frames == 1 and kept.num_frames == 2


def test_merged_joints_derive_neck_and_prefer_the_confident_source():
    coco = np.zeros((1, 17, 2), np.float32)
    coco[0, 5], coco[0, 6], coco[0, 11], coco[0, 12] = [10, 10], [20, 10], [11, 30], [19, 30]
    scores = np.zeros((1, 17), np.float32)
    scores[0, [5, 6, 11, 12]] = 0.9
    joints, valid = merge_registration_joints(coco, scores)
    assert np.allclose(joints[0, 0], [15, 10]) and valid[0, 0]  # neck = mid-shoulders
    assert np.allclose(joints[0, 4], [15, 30]) and valid[0, 4]  # mid-hip = mid-hips
    assert not valid[0, 6]  # no knee
    body25 = np.zeros((1, 25, 2), np.float32)
    body25[0, 12] = [50, 50]  # BODY_25 l_hip, more confident than COCO's
    conf = np.zeros((1, 25), np.float32)
    conf[0, 12] = 0.95
    joints, _ = merge_registration_joints(coco, scores, body25, conf)
    assert np.allclose(joints[0, 3], [50, 50]) and np.allclose(joints[0, 5], [19, 30])
