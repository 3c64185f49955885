"""Convert the CVAT "for video 1.1" exports of the soccer clips into the ground-truth pickle.

    python tools/data/soccer/cvat_to_soccer.py DATA_ROOT [--cvat-dir annotations/cvat]
        [--meta annotations/clips.csv]

Clips are the videos under DATA_ROOT/videos/{dribbling,shooting}/<class folder>/<clip_id>.mp4
(the folder gives the class); each needs DATA_ROOT/<cvat-dir>/<clip_id>.xml. The optional CSV
has columns ``clip_id,source,match_id,fps``. Writes DATA_ROOT/annotations/
soccer_highlights_gt.pkl; clips that fail (missing or unreadable XML, no player track) are
listed with the reason, and the command exits with status 1 after writing the others.
"""
import argparse
import csv
import glob
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))))

from thesiscv.datasets.soccer import GT_FILE, save_annotations  # noqa: E402
from thesiscv.datasets.soccer_cvat import class_from_video_path, parse_cvat_video  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('data_root')
    p.add_argument('--cvat-dir', default='annotations/cvat')
    p.add_argument('--meta', default='annotations/clips.csv')
    args = p.parse_args()
    meta = {}
    meta_path = osp.join(args.data_root, args.meta)
    if osp.isfile(meta_path):
        with open(meta_path) as f:
            meta = {row['clip_id']: row for row in csv.DictReader(f)}
    videos = sorted(glob.glob(osp.join(args.data_root, 'videos', '*', '*', '*.mp4')))
    if not videos:
        sys.exit(f'no videos under {args.data_root}/videos/<task>/<class>/*.mp4')
    samples, failures = [], {}
    for video in videos:
        rel = osp.relpath(video, args.data_root)
        clip_id = osp.splitext(osp.basename(video))[0]
        info = meta.get(clip_id, {})
        try:
            samples += parse_cvat_video(
                osp.join(args.data_root, args.cvat_dir, f'{clip_id}.xml'), clip_id, rel,
                class_from_video_path(rel), float(info.get('fps') or 25.0),
                info.get('source') or None, info.get('match_id') or None)
        except (ValueError, KeyError) as err:
            failures[clip_id] = str(err)
    save_annotations(osp.join(args.data_root, GT_FILE), samples)
    print(f'wrote {len(samples)} samples of {len(videos) - len(failures)} clips to '
          f'{osp.join(args.data_root, GT_FILE)}')
    if failures:
        print(f'{len(failures)} clips FAILED:')
        for clip_id, reason in failures.items():
            print(f'  {clip_id}: {reason}')
        sys.exit(1)


if __name__ == '__main__':
    main()
