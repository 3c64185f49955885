"""Write a synthetic data set in the on-disk format of the real one.

    python tools/data/make_synthetic.py --list
    python tools/data/make_synthetic.py NAME [--out-dir DIR] [--seed S] [--options k=v ...]
                                             [--overwrite]

Without ``--out-dir`` the data go where the method's synthetic configs read them (``data/...``).
An output folder that already holds files is refused unless ``--overwrite`` (which deletes it
first): files of the earlier data set that the new one does not replace, e.g. frames beyond
the new sequences' length, would silently join it.
"""
import argparse
import os
import os.path as osp
import shutil
import sys
import time

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__)))))

from mmengine.config import DictAction  # noqa: E402

from thesiscv.datasets.synthetic import GENERATORS  # noqa: E402
from thesiscv.utils import register_all_modules  # noqa: E402


def main() -> None:
    register_all_modules()
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('name', nargs='?', help='generator name (see --list)')
    parser.add_argument('--list', action='store_true', help='list the generators')
    parser.add_argument('--out-dir', help='output folder (default: the generator\'s data/ dir)')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--options', nargs='+', action=DictAction, default={},
                        help='generator options, e.g. num_clips=60 size=128')
    parser.add_argument('--overwrite', action='store_true',
                        help='delete the output folder first if it holds files')
    args = parser.parse_args()
    if args.list or not args.name:
        for name, gen in sorted(GENERATORS.items()):
            print(f'{name:<20} -> {gen.default_dir:<32} {gen.summary}')
        return
    if args.name not in GENERATORS:
        sys.exit(f'Unknown synthetic data set {args.name!r}; choose one of: '
                 f'{", ".join(sorted(GENERATORS))}')
    gen = GENERATORS[args.name]
    out_dir = args.out_dir or gen.default_dir
    if osp.isdir(out_dir) and os.listdir(out_dir):
        if not args.overwrite:
            sys.exit(f'{out_dir} already holds files; files of the earlier data set that this '
                     'one does not replace would join it. Remove the folder, choose another '
                     '--out-dir, or pass --overwrite to delete it first.')
        shutil.rmtree(out_dir)
    start = time.time()
    gen.func(out_dir, seed=args.seed, **args.options)
    print(f'{args.name}: wrote {out_dir} in {time.time() - start:.1f} s')


if __name__ == '__main__':
    main()
