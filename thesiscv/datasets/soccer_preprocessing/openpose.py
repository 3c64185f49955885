"""Import OpenPose BODY_25 JSON output as a pose cache (spec §2.2, the thesis's second source).

OpenPose writes one ``<name>_<frame:012d>_keypoints.json`` per frame with
``people[k].pose_keypoints_2d`` = 75 floats (x, y, confidence per BODY_25 joint; 0 where
missing). A clip's folder of such files becomes a ``pose_body25`` cache file whose person boxes
are the spans of the confident joints.
"""
import glob
import json
import os.path as osp
import re
from typing import Dict

import numpy as np

from .keypoints import BODY25, keypoint_box


def read_openpose_clip(folder: str, num_frames: int, conf_thr: float = 0.1) -> Dict:
    """The pose cache of one clip from its OpenPose JSON folder.

    Args:
        folder: the clip's JSON files.
        num_frames: frames of the clip (frames without a JSON file have no person).
        conf_thr: confidence for the box of a person's joints.
    """
    files = glob.glob(osp.join(folder, '*_keypoints.json'))
    if not files:
        raise FileNotFoundError(f'{folder}: no OpenPose *_keypoints.json files')
    frames = [dict(bboxes=np.zeros((0, 4), np.float32),
                   keypoints=np.zeros((0, len(BODY25), 2), np.float32),
                   keypoint_scores=np.zeros((0, len(BODY25)), np.float32))
              for _ in range(num_frames)]
    for path in files:
        index = re.search(r'_(\d+)_keypoints\.json$', osp.basename(path))
        if index is None or int(index.group(1)) >= num_frames:
            continue
        with open(path) as f:
            people = json.load(f).get('people', [])
        data = np.array([p['pose_keypoints_2d'] for p in people], np.float32).reshape(
            -1, len(BODY25), 3)
        kpts, scores = data[..., :2], data[..., 2]
        frames[int(index.group(1))] = dict(
            bboxes=keypoint_box(kpts, scores, conf_thr).reshape(-1, 4), keypoints=kpts,
            keypoint_scores=scores)
    return dict(num_frames=num_frames, source=f'openpose json {folder}', frames=frames)
