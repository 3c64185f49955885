"""Table 2.5: mean best IoU of player and ball detections and detector speed per video type.

    python tools/data/soccer/eval_detection.py DATA_ROOT [--det-dir preprocessed/det]

Reads the ground-truth objects of every clip (annotations/soccer_highlights_gt.pkl) and the
detection cache of the ``det`` preprocessing stage; prints, per video type (Dribbling,
Penalty-Kick, Goal, Free-Kick) and on average (the unweighted mean of the rows), the mean best
IoU (%) of players and balls and the detector's frames per second.
"""
import argparse
import json
import os.path as osp
import sys
from collections import defaultdict

import numpy as np

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))))

from thesiscv.datasets.soccer import GT_FILE, load_annotations  # noqa: E402
from thesiscv.datasets.soccer_preprocessing.cache import load_clip_cache  # noqa: E402
from thesiscv.evaluation.metrics.detection_iou import (GT_CLASSES, PRED_LABELS,  # noqa: E402
                                                       best_ious, table_rows)


def video_type(label_name: str) -> str:
    return label_name if label_name in ('Penalty-Kick', 'Goal', 'Free-Kick') else 'Dribbling'


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('data_root')
    p.add_argument('--det-dir', default='preprocessed/det')
    p.add_argument('--json', help='also write the table to this JSON file')
    args = p.parse_args()
    clips = {s['clip_id']: s for s in load_annotations(osp.join(args.data_root, GT_FILE))[
        'annotations'] if s['actor_role'] == 'player'}
    per_type = defaultdict(lambda: {c: [] for c in GT_CLASSES})
    speed = defaultdict(lambda: [0, 0.0])
    missing = []
    for clip_id, sample in clips.items():
        path = osp.join(args.data_root, args.det_dir, f'{clip_id}.pkl')
        if not osp.isfile(path):
            missing.append(clip_id)
            continue
        det = load_clip_cache(path, 'det')
        vtype = video_type(sample['label_name'])
        by_frame = defaultdict(list)
        for obj in sample['gt_objects']:
            by_frame[obj['frame']].append(obj)
        for j, frame in enumerate(det['frames']):
            objs = by_frame.get(j, [])
            labels = np.asarray(frame['labels'])
            for name, members in GT_CLASSES.items():
                gt = [o['bbox'] for o in objs if o['category'] in members]
                if gt:
                    pred = np.asarray(frame['bboxes']).reshape(-1, 4)[labels == PRED_LABELS[name]]
                    per_type[vtype][name] += best_ious(np.asarray(gt), pred).tolist()
        speed[vtype][0] += det['num_frames']
        speed[vtype][1] += det.get('seconds') or 0.0
    if missing:
        print(f'{len(missing)} clips have no detection cache (run the det stage), e.g. '
              f'{missing[:5]}')
    rows = table_rows(per_type)
    fps = {t: n / s if s else float('nan') for t, (n, s) in speed.items()}
    if fps:
        fps['Average'] = float(np.nanmean(list(fps.values())))
    print(f'{"video type":<14}{"player IoU %":>14}{"ball IoU %":>12}{"FPS":>8}')
    for t, row in rows.items():
        print(f'{t:<14}{100 * row["player"]:14.2f}{100 * row["ball"]:12.2f}'
              f'{fps.get(t, float("nan")):8.2f}')
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(dict(rows=rows, fps=fps), f, indent=1)


if __name__ == '__main__':
    main()
