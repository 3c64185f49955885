"""Import OpenPose BODY_25 JSON (one folder per clip) as the body25 pose cache.

    python tools/data/soccer/import_openpose.py DATA_ROOT OPENPOSE_DIR
        [--out-dir preprocessed/pose_body25]

OPENPOSE_DIR/<clip_id>/ holds the clip's ``*_<frame>_keypoints.json`` files. Then run
``preprocess.py --stages associate energy --body25-dir preprocessed/pose_body25``.
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))))

from thesiscv.datasets.soccer import GT_FILE, load_annotations  # noqa: E402
from thesiscv.datasets.soccer_preprocessing.cache import save_clip_cache  # noqa: E402
from thesiscv.datasets.soccer_preprocessing.openpose import read_openpose_clip  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('data_root')
    p.add_argument('openpose_dir')
    p.add_argument('--out-dir', default='preprocessed/pose_body25')
    p.add_argument('--conf-thr', type=float, default=0.1)
    args = p.parse_args()
    clips = {s['clip_id']: s['total_frames']
             for s in load_annotations(osp.join(args.data_root, GT_FILE))['annotations']}
    failures = {}
    for clip_id, frames in clips.items():
        try:
            cache = read_openpose_clip(osp.join(args.openpose_dir, clip_id), frames,
                                       args.conf_thr)
            save_clip_cache(osp.join(args.data_root, args.out_dir, f'{clip_id}.pkl'), cache)
        except (FileNotFoundError, ValueError) as err:
            failures[clip_id] = str(err)
    print(f'imported {len(clips) - len(failures)} of {len(clips)} clips')
    for clip_id, reason in failures.items():
        print(f'  FAILED {clip_id}: {reason}')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
