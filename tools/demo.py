"""The Quick-start job: synthetic data -> train -> test -> metric, checkpoint and logs.

    python tools/demo.py [--recipe NAME] [--work-dir DIR] [--data-dir DIR] [--regenerate]
                         [--gen-options k=v ...] [--cfg-options k=v ...]

Each step is the command a user would type (tools/data/make_synthetic.py, tools/train.py,
tools/test.py), run in turn with its output shown. The data set is generated once and reused.
``--gen-options`` go to the generator, ``--cfg-options`` to both train.py and test.py.
"""
import argparse
import glob
import json
import os
import os.path as osp
import subprocess
import sys
import time
from typing import Dict, List, NamedTuple

ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))


class Recipe(NamedTuple):
    generator: str  # make_synthetic.py name
    data_dir: str  # where the generator writes (and the config reads)
    config: str
    summary: str


RECIPES: Dict[str, Recipe] = {
    'emanet': Recipe(
        'soccer', 'data/soccer_synthetic', 'configs/emanet/soccer_synthetic.py',
        'EMA-Net on synthetic soccer clips (6 actions): prints A-F1 and the confusion matrix'),
    'vae_attention': Recipe(
        'digits', 'data/digits_synthetic',
        'configs/vae_attention/vaeatt-sa_convvae-d32_20e_synthetic-digits-oc1.py',
        'one-class VAE on synthetic digits: pixel AUROC of its sample-attention anomaly maps'),
    'monoindoor': Recipe(
        'rooms', 'data/rooms_synthetic', 'configs/monoindoor/synthetic.py',
        'MonoIndoor++ self-supervised depth on synthetic rooms: AbsRel, RMSE, delta < 1.25^k'),
}
DEFAULT = 'emanet'


def run(cmd: List[str]) -> None:
    print(f'\n$ {" ".join(cmd)}', flush=True)
    start = time.time()
    proc = subprocess.run([sys.executable] + cmd, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f'demo: step failed (exit {proc.returncode}): {" ".join(cmd)}')
    print(f'[demo] step took {time.time() - start:.0f} s', flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--recipe', default=DEFAULT, choices=sorted(RECIPES),
                        help=f'which method to run (default: {DEFAULT})')
    parser.add_argument('--work-dir', help='default: work_dirs/demo_<recipe>')
    parser.add_argument('--data-dir', help="default: the recipe's (where its config reads)")
    parser.add_argument('--regenerate', action='store_true',
                        help='write the synthetic data set again even if it exists')
    parser.add_argument('--gen-options', nargs='+', default=[], metavar='K=V',
                        help='generator options (make_synthetic.py --options)')
    parser.add_argument('--cfg-options', nargs='+', default=[], metavar='K=V',
                        help='config overrides for train.py and test.py')
    args = parser.parse_args()
    recipe = RECIPES[args.recipe]
    work_dir = args.work_dir or osp.join('work_dirs', f'demo_{args.recipe}')
    data_dir = args.data_dir or recipe.data_dir
    cfg_options = list(args.cfg_options)
    if args.data_dir:
        cfg_options += [f'{split}_dataloader.dataset.data_root={data_dir}'
                        for split in ('train', 'val', 'test')]
    overrides = ['--cfg-options'] + cfg_options if cfg_options else []
    print(f'[demo] {args.recipe}: {recipe.summary}')

    if args.regenerate or not osp.isdir(osp.join(ROOT, data_dir)):
        gen_options = ['--options'] + args.gen_options if args.gen_options else []
        run(['tools/data/make_synthetic.py', recipe.generator, '--out-dir', data_dir]
            + gen_options)
    else:
        print(f'[demo] reusing the synthetic data in {data_dir} (--regenerate to rewrite)')
    run(['tools/train.py', recipe.config, '--work-dir', work_dir] + overrides)
    with open(osp.join(ROOT, work_dir, 'last_checkpoint')) as f:
        checkpoint = f.read().strip()
    run(['tools/test.py', recipe.config, checkpoint, '--work-dir', work_dir] + overrides)

    # mmengine writes a test run's metrics to <work_dir>/<timestamp>/<timestamp>.json
    runs = sorted(path for path in glob.glob(osp.join(ROOT, work_dir, '*', '*.json'))
                  if osp.basename(path) == osp.basename(osp.dirname(path)) + '.json')
    metrics = json.load(open(runs[-1])) if runs else {}
    print('\n[demo] test metrics of the trained model:')
    for key, value in metrics.items():
        if key not in ('data_time', 'time', 'step'):
            print(f'  {key}: {value}')
    print(f'[demo] checkpoint: {checkpoint}')
    latest = osp.dirname(runs[-1]) if runs else '?'
    if latest.startswith(ROOT + os.sep):
        latest = osp.relpath(latest, ROOT)
    print(f'[demo] logs and config of each run: {osp.join(work_dir, "<timestamp>")}/ '
          f'(latest: {latest})')


if __name__ == '__main__':
    main()
