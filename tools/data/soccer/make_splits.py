"""The 5 random stratified train/val/test splits of the soccer tasks (spec §3.4).

    python tools/data/soccer/make_splits.py DATA_ROOT [--tasks all shooting ...]
        [--n-splits 5] [--seed 0] [--sizes TRAIN VAL TEST]

Writes DATA_ROOT/annotations/splits/<task>_split<k>.json, the label maps, the mmaction2 video
lists of the RGB baselines and, when the preprocessed annotation exists, the skeleton
annotations of the skeleton baselines. Sizes default to the thesis's proportions (shooting
242/30/64, dribbling 157/31/45, all 397/62/110, shooting_gk 241/30/65 for its data set).
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))))

from thesiscv.datasets.soccer import (ANN_FILE, GT_FILE, TASK_CLASSES,  # noqa: E402
                                      load_annotations, write_label_map)
from thesiscv.datasets.soccer_skeleton import write_skeleton_annotations  # noqa: E402
from thesiscv.datasets.soccer_splits import make_splits, write_splits  # noqa: E402
from thesiscv.datasets.soccer_video_list import write_video_lists  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('data_root')
    p.add_argument('--tasks', nargs='+', default=list(TASK_CLASSES), choices=list(TASK_CLASSES))
    p.add_argument('--n-splits', type=int, default=5)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--sizes', type=int, nargs=3, help='train val test clip counts (one task)')
    p.add_argument('--stratify', nargs='+', default=['label_name', 'match_id'])
    args = p.parse_args()
    if args.sizes and len(args.tasks) != 1:
        sys.exit('--sizes applies to one task: give exactly one --tasks')
    samples = load_annotations(osp.join(args.data_root, GT_FILE))['annotations']
    for task in args.tasks:
        splits = make_splits(samples, task, args.n_splits, args.sizes, args.seed, args.stratify)
        paths = write_splits(osp.join(args.data_root, 'annotations', 'splits'), task, splits)
        write_label_map(osp.join(args.data_root, 'annotations', f'label_map_{task}.txt'),
                        TASK_CLASSES[task])
        sizes = [len(splits[0][s]) for s in ('train', 'val', 'test')]
        print(f'{task}: {len(paths)} splits, train/val/test samples {sizes}')
    write_video_lists(args.data_root, GT_FILE, args.tasks, args.n_splits)
    if osp.isfile(osp.join(args.data_root, ANN_FILE)):
        write_skeleton_annotations(args.data_root, ANN_FILE, args.tasks, args.n_splits)
    else:
        print(f'{ANN_FILE} does not exist yet: run tools/data/soccer/preprocess.py, then '
              'rerun this (or preprocess.py --baseline-data) for the skeleton annotations')


if __name__ == '__main__':
    main()
