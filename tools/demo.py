"""The Quick-start job: synthetic data -> train -> test -> metric, checkpoint and logs.

    python tools/demo.py [--recipe NAME] [--work-dir DIR] [--regenerate]

Each step is the command a user would type (tools/data/make_synthetic.py, tools/train.py,
tools/test.py), run in turn with its output shown. The data set is generated once and reused.
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
}
DEFAULT = ''


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
    parser.add_argument('--regenerate', action='store_true',
                        help='write the synthetic data set again even if it exists')
    args = parser.parse_args()
    recipe = RECIPES[args.recipe]
    work_dir = args.work_dir or osp.join('work_dirs', f'demo_{args.recipe}')
    print(f'[demo] {args.recipe}: {recipe.summary}')

    if args.regenerate or not osp.isdir(osp.join(ROOT, recipe.data_dir)):
        run(['tools/data/make_synthetic.py', recipe.generator, '--out-dir', recipe.data_dir])
    else:
        print(f'[demo] reusing the synthetic data in {recipe.data_dir} (--regenerate to rewrite)')
    run(['tools/train.py', recipe.config, '--work-dir', work_dir])
    with open(osp.join(ROOT, work_dir, 'last_checkpoint')) as f:
        checkpoint = f.read().strip()
    run(['tools/test.py', recipe.config, checkpoint, '--work-dir', work_dir])

    runs = sorted(glob.glob(osp.join(ROOT, work_dir, '*', '*.json')))
    metrics = json.load(open(runs[-1])) if runs else {}
    print('\n[demo] test metrics of the trained model:')
    for key, value in metrics.items():
        if key not in ('data_time', 'time', 'step'):
            print(f'  {key}: {value}')
    print(f'[demo] checkpoint: {checkpoint}')
    print(f'[demo] logs and config: {osp.join(work_dir, "<timestamp>")}/ '
          f'(latest: {osp.relpath(osp.dirname(runs[-1]), ROOT) if runs else "?"})')


if __name__ == '__main__':
    main()
