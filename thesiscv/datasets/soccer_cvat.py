"""CVAT "for video 1.1" XML exports of the soccer clips -> ground-truth samples (spec §3.3, §3.6).

Each clip has one XML (``annotations/cvat/<clip_id>.xml``) whose tracks are the annotated
objects (labels ``player``, ``goalkeeper``, ``ball``, ``defender``, ``goal_area``,
``defensive_wall``, ...), with one ``<box frame xtl ytl xbr ybr outside>`` per frame and an
optional ``action`` attribute (``Dribbling``, ``Shooting``, ``Defending``, ``Goal Saving``).
The clip's fine-grained class comes from its video folder
(``videos/<task>/<class folder>/<clip_id>.mp4``).

The actor of interest is the ``player`` track whose action is Dribbling / Shooting (else the
first player track); in shooting clips the ``goalkeeper`` track becomes a second sample
labelled ``Goal-Saving`` (Table 2.10). Frames where the actor's box is absent are not valid
(the annotators skipped frames outside the action).
"""
import os.path as osp
import xml.etree.ElementTree as ET
from typing import Dict, List, Optional

import numpy as np

from .soccer import CLASS_DIRS, TASK_CLASSES, coarse_task

ACTOR_ACTIONS = ('dribbling', 'shooting')


def _tracks(root: ET.Element, num_frames: int) -> List[dict]:
    tracks = []
    for track in root.iter('track'):
        boxes = np.full((num_frames, 4), np.nan, np.float32)
        actions = set()
        for box in track.iter('box'):
            frame = int(box.get('frame'))
            if frame >= num_frames or box.get('outside', '0') == '1':
                continue
            boxes[frame] = [float(box.get(k)) for k in ('xtl', 'ytl', 'xbr', 'ybr')]
            actions |= {a.text.strip().lower() for a in box.iter('attribute')
                        if a.get('name') == 'action' and a.text}
        tracks.append(dict(id=int(track.get('id')), label=track.get('label').lower(),
                           boxes=boxes, actions=actions))
    return tracks


def parse_cvat_video(path: str, clip_id: str, video_file: str, label_name: str,
                     fps: float = 25.0, source: Optional[str] = None,
                     match_id: Optional[str] = None) -> List[Dict]:
    """The ground-truth samples of one clip from its CVAT XML.

    Args:
        path: the XML file.
        clip_id: clip name; video_file: video path relative to the data root.
        label_name: the clip's fine-grained class (a name of ``TASK_CLASSES['all']``).
        fps, source, match_id: clip metadata (spec §3.6).
    """
    if label_name not in TASK_CLASSES['all']:
        raise KeyError(f'{clip_id}: unknown class {label_name!r}; expected one of '
                       f'{TASK_CLASSES["all"]}')
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise ValueError(f'{path}: not a readable CVAT XML ({err})') from None
    size = root.find('./meta/task/size')
    orig = root.find('./meta/task/original_size')
    if size is None or orig is None:
        raise ValueError(f'{path}: no meta/task/size or original_size; export the task as '
                         '"CVAT for video 1.1"')
    n = int(size.text)
    shape = (int(orig.find('height').text), int(orig.find('width').text))
    tracks = _tracks(root, n)
    players = [t for t in tracks if t['label'] == 'player']
    if not players:
        raise ValueError(f'{path}: no "player" track; the actor of interest must be annotated')
    actor = next((t for t in players if t['actions'] & set(ACTOR_ACTIONS)), players[0])
    gt_objects = [dict(frame=int(j), category=t['label'], bbox=t['boxes'][j].tolist(),
                       track_id=t['id'])
                  for t in tracks for j in np.flatnonzero(np.isfinite(t['boxes']).all(1))]
    task = coarse_task(label_name)
    base = dict(clip_id=clip_id, filename=video_file, total_frames=n, fps=fps, img_shape=shape,
                original_shape=shape, task=task, coarse_label=int(task == 'shooting'),
                source=source, match_id=match_id, gt_objects=gt_objects)
    roles = [('player', actor, label_name)]
    keeper = next((t for t in tracks if t['label'] == 'goalkeeper'), None)
    if task == 'shooting' and keeper is not None:
        roles.append(('goalkeeper', keeper, 'Goal-Saving'))
    return [dict(base, sample_id=f'{clip_id}#{role}', actor_role=role, label_name=name,
                 label=TASK_CLASSES['all'].index(name) if role == 'player' else -1,
                 gt_actor_bboxes=track['boxes'],
                 valid_frames=np.isfinite(track['boxes']).all(1))
            for role, track, name in roles]


def class_from_video_path(video_file: str) -> str:
    """The class name of ``videos/<task>/<class folder>/<clip>.mp4``."""
    folder = osp.basename(osp.dirname(video_file))
    names = {v: k for k, v in CLASS_DIRS.items()}
    if folder not in names:
        raise KeyError(f'{video_file}: folder {folder!r} is not a class folder '
                       f'({sorted(names)})')
    return names[folder]
