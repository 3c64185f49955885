"""The 5-split protocol of the soccer experiments (thesis §2.4, spec §3.4, §4.2): train on each
split, test the checkpoint with the best validation A-F1, report mean +- std over the splits.

    python tools/data/soccer/run_splits.py CONFIG [--splits 0 1 2 3 4] [--work-dir DIR]
        [--gpus N] [--cfg-options k=v ...] [--summarize-only]

Works for the EMA-Net configs (``dataset.split=K``) and the mmaction2 baselines (``split0`` in
their list / skeleton split names becomes ``splitK``). Per split the runs go to
``WORK_DIR/split<K>`` (training) and ``WORK_DIR/split<K>/test``; the summary table (AP, AR,
A-F1, macro-F1, accuracy as mean +- std, in the thesis's layout) goes to the screen and to
``WORK_DIR/splits_summary.json``, and the confusion matrix pooled over the test sets (as the
thesis's Fig. 2.8) to ``WORK_DIR/pooled_confusion_matrix.png``.
"""
import argparse
import glob
import json
import os
import os.path as osp
import subprocess
import sys

import numpy as np

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__)))))
sys.path.insert(0, ROOT)

from mmengine.config import Config, DictAction  # noqa: E402

METRICS = ('AP', 'AR', 'a_f1', 'macro_f1', 'accuracy')
LOADERS = ('train_dataloader', 'val_dataloader', 'test_dataloader')


def split_options(cfg: Config, split: int) -> list:
    """``--cfg-options`` items that point the three dataloaders at split ``split``."""
    options = []
    for loader in LOADERS:
        dataset = cfg.get(loader, {}).get('dataset', {})
        for key in ('split', 'ann_file'):
            value = dataset.get(key)
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, int):
                options.append(f'{loader}.dataset.{key}={split}')
            elif isinstance(value, str) and 'split0' in value:
                options.append(f'{loader}.dataset.{key}={value.replace("split0", f"split{split}")}')
    if not options:
        raise KeyError('the config\'s dataloaders have no split index nor "split0" names: '
                       'this is not a soccer split config')
    return options


def run(cmd: list) -> None:
    print('$', ' '.join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def checkpoint_of(work_dir: str) -> str:
    """The best-validation checkpoint of a run, else its last one."""
    best = sorted(glob.glob(osp.join(work_dir, 'best_*.pth')), key=osp.getmtime)
    if best:
        return best[-1]
    last = osp.join(work_dir, 'last_checkpoint')
    if osp.isfile(last):
        with open(last) as f:
            return f.read().strip()
    raise FileNotFoundError(f'no checkpoint in {work_dir}')


def test_results(test_dir: str) -> tuple:
    """Metrics (``<prefix>/<name>`` -> value) and confusion matrix of a tools/test.py run."""
    runs = sorted(d for d in glob.glob(osp.join(test_dir, '2*')) if osp.isdir(d))
    if not runs:
        raise FileNotFoundError(f'no test run in {test_dir}')
    latest = runs[-1]
    with open(osp.join(latest, f'{osp.basename(latest)}.json')) as f:
        metrics = json.loads(f.read().strip().splitlines()[-1])
    cm_path = osp.join(latest, 'confusion_matrix.json')
    cm = None
    if osp.isfile(cm_path):
        with open(cm_path) as f:
            cm = json.load(f)
    return metrics, cm


def summarize(work_dir: str, splits: list) -> dict:
    rows, pooled, classes = [], None, None
    for k in splits:
        metrics, cm = test_results(osp.join(work_dir, f'split{k}', 'test'))
        rows.append({m: metrics[f'soccer/{m}'] for m in METRICS})
        if cm is not None:
            matrix = np.asarray(cm['matrix'])
            pooled = matrix if pooled is None else pooled + matrix
            classes = cm['classes']
    table = {m: dict(mean=float(np.mean([r[m] for r in rows])),
                     std=float(np.std([r[m] for r in rows])),
                     splits=[r[m] for r in rows]) for m in METRICS}
    print(f'\n{len(rows)} splits ({", ".join(map(str, splits))}):')
    print('  '.join(f'{m:>16}' for m in ('AP', 'AR', 'A-F1', 'macro-F1', 'accuracy')))
    print('  '.join(f'{table[m]["mean"]:8.3f} +-{table[m]["std"]:5.3f}' for m in METRICS))
    summary = dict(splits=splits, metrics=table, pooled_confusion=dict(
        classes=classes, matrix=None if pooled is None else pooled.tolist()))
    with open(osp.join(work_dir, 'splits_summary.json'), 'w') as f:
        json.dump(summary, f, indent=1)
    if pooled is not None:
        import cv2
        from thesiscv.visualization.action_visualizer import draw_confusion_matrix
        picture = draw_confusion_matrix(pooled, classes, f'pooled over {len(rows)} test sets')
        cv2.imwrite(osp.join(work_dir, 'pooled_confusion_matrix.png'), picture[..., ::-1])
    return summary


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('config')
    p.add_argument('--splits', type=int, nargs='+', default=[0, 1, 2, 3, 4])
    p.add_argument('--work-dir', help='default: work_dirs/<config name>_5splits')
    p.add_argument('--gpus', type=int, default=1, help='processes per run (tools/dist_train.sh)')
    p.add_argument('--cfg-options', nargs='+', action=DictAction, default={})
    p.add_argument('--summarize-only', action='store_true')
    args = p.parse_args()
    work_dir = args.work_dir or osp.join(
        'work_dirs', osp.splitext(osp.basename(args.config))[0] + '_5splits')
    os.makedirs(work_dir, exist_ok=True)
    cfg = Config.fromfile(args.config)
    extra = [f'{k}={v}' for k, v in args.cfg_options.items()]
    if not args.summarize_only:
        for k in args.splits:
            options = split_options(cfg, k) + extra
            split_dir = osp.join(work_dir, f'split{k}')
            train = ([sys.executable, 'tools/train.py'] if args.gpus == 1
                     else ['bash', 'tools/dist_train.sh'])
            run(train + [args.config] + ([] if args.gpus == 1 else [str(args.gpus)])
                + ['--work-dir', split_dir, '--cfg-options'] + options)
            run([sys.executable, 'tools/test.py', args.config, checkpoint_of(split_dir),
                 '--work-dir', osp.join(split_dir, 'test'), '--cfg-options'] + options)
    summarize(work_dir, args.splits)


if __name__ == '__main__':
    main()
