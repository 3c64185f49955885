"""The rooms generator's camera-motion options (``CameraMotion``) shape the rendered paths."""
import numpy as np

from thesiscv.datasets.synthetic.indoor_rooms import CameraMotion, camera_path, make_room


def optical_axes(motion: CameraMotion, seed: int = 0, num: int = 200):
    rng = np.random.default_rng(seed)
    room = make_room(rng, 1.0, 4, motion.free_space)
    poses = camera_path(rng, room, num, motion.step, motion)
    return room, poses, poses[:, :3, 2]  # camera z axis in the world (y points down)


def test_look_down_tilts_the_optical_axis_towards_the_floor():
    level = CameraMotion(look_down_deg=0.0, pitch_range_deg=0.0, roll_range_deg=0.0)
    down = level._replace(look_down_deg=15.0)
    _, _, axis_level = optical_axes(level)
    _, _, axis_down = optical_axes(down)
    np.testing.assert_allclose(axis_level[:, 1], 0, atol=1e-9)
    elevation = np.degrees(np.arcsin(axis_down[:, 1]))
    np.testing.assert_allclose(elevation, 15.0, atol=1e-6)


def test_pitch_and_roll_ranges_bound_the_swing():
    motion = CameraMotion(look_down_deg=15.0, pitch_range_deg=8.0, roll_range_deg=0.0)
    _, poses, axis = optical_axes(motion)
    elevation = np.degrees(np.arcsin(axis[:, 1]))
    # smooth_signal keeps the amplitude only approximately (its speed is what it fixes)
    assert abs(np.median(elevation) - 15.0) < 4.0
    assert elevation.min() >= 15.0 - 1.3 * 8.0 and elevation.max() <= 15.0 + 1.3 * 8.0
    assert elevation.max() - elevation.min() > 4.0  # it does swing
    # no roll: the camera's x axis stays horizontal
    np.testing.assert_allclose(poses[:, 1, 0], 0, atol=1e-9)


def test_camera_stays_in_the_free_space_and_furniture_outside_it():
    for free_space in (0.4, 0.7):
        room, poses, _ = optical_axes(CameraMotion(free_space=free_space), seed=3)
        half = room.room.hi
        assert np.all(np.abs(poses[:, [0, 2], 3]) <= free_space * half[[0, 2]] * 0.8 + 1e-9)
        free = free_space * half[[0, 2]]
        for box in room.boxes:
            inside = (box.hi[[0, 2]] > -free) & (box.lo[[0, 2]] < free)
            assert not inside.all()


def test_footprint_widens_the_room_but_keeps_its_height_and_furniture_size():
    rooms = [make_room(np.random.default_rng(5), 1.0, 4, 0.4, footprint=f) for f in (1.0, 1.6)]
    np.testing.assert_allclose(rooms[1].room.hi[[0, 2]], 1.6 * rooms[0].room.hi[[0, 2]])
    assert rooms[1].room.hi[1] == rooms[0].room.hi[1]
    for box in rooms[1].boxes:  # furniture keeps its size range, inside the larger room
        size = box.hi - box.lo
        assert np.all((size >= 0.4 - 1e-9) & (size <= [1.2, 2.0, 1.2]))
        assert np.all(np.abs(box.hi[[0, 2]]) <= rooms[1].room.hi[[0, 2]] + 1e-9)
