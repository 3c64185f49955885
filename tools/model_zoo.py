"""List, download and verify released checkpoints; render model-zoo.md.

    python tools/model_zoo.py list
    python tools/model_zoo.py download NAME [--cache-dir DIR]
    python tools/model_zoo.py verify FILE [--name NAME]
    python tools/model_zoo.py render [--check]

Downloads are cached (``$THESISCV_CACHE``, default ``~/.cache/thesiscv/checkpoints``) and
checked against the sha256 in the model index; a cached file is not downloaded again.
"""
import argparse
import os
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))  # run from a checkout

from thesiscv.utils.model_zoo import (ModelZooError, download, load_index,  # noqa: E402
                                      project_file, render_markdown, sha256sum)


def cmd_list(args) -> None:
    index = load_index(args.index)
    if not index:
        print('The model index lists no models yet.')
    for m in index.values():
        metrics = ', '.join(f'{k}={v}' for k, v in m.metrics.items())
        hosted = 'hosted' if m.weights else 'not hosted'
        print(f'{m.name:<48} {m.collection:<14} {hosted:<11} {metrics}\n'
              f'{"":<48} config: {m.config}')


def cmd_download(args) -> None:
    index = load_index(args.index)
    if args.name not in index:
        sys.exit(f'{args.name!r} is not in the model index; see `python tools/model_zoo.py list`')
    model = index[args.name]
    if not model.weights:
        sys.exit(f'{args.name} has no hosted weights yet; reproduce it with: {model.command}')
    path = download(model.weights, sha256=model.sha256, dst_dir=args.cache_dir)
    print(f'{args.name}: {path} (sha256 verified)' if model.sha256 else f'{args.name}: {path}')


def cmd_verify(args) -> None:
    if not osp.isfile(args.file):
        sys.exit(f'{args.file} does not exist')
    digest, size = sha256sum(args.file), os.path.getsize(args.file)
    print(f'{args.file}\n  sha256: {digest}\n  size:   {size} bytes')
    index = load_index(args.index)
    if args.name:
        if args.name not in index:
            sys.exit(f'{args.name!r} is not in the model index')
        expected = index[args.name].sha256
        if expected != digest:
            sys.exit(f'MISMATCH: the model index says {expected} for {args.name}')
        print(f'  OK: matches {args.name}')
        return
    matches = [m.name for m in index.values() if m.sha256 == digest]
    print(f'  matches: {", ".join(matches)}' if matches else '  matches no entry of the index')


def cmd_render(args) -> None:
    text = render_markdown(load_index(args.index)) + '\n'
    target = args.out or osp.join(osp.dirname(project_file('model-index.yml')), 'model-zoo.md')
    if args.check:
        current = open(target).read() if osp.isfile(target) else ''
        if current != text:
            sys.exit(f'{target} is out of date: run `python tools/model_zoo.py render`')
        print(f'{target} is up to date')
        return
    with open(target, 'w') as f:
        f.write(text)
    print(f'wrote {target}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--index', help='model-index.yml to read (default: the project\'s)')
    sub = parser.add_subparsers(dest='command', required=True)
    sub.add_parser('list', help='list the models of the index').set_defaults(func=cmd_list)
    p = sub.add_parser('download', help='download a model into the cache')
    p.add_argument('name')
    p.add_argument('--cache-dir', help='default: $THESISCV_CACHE or ~/.cache/thesiscv/checkpoints')
    p.set_defaults(func=cmd_download)
    p = sub.add_parser('verify', help='sha256 and size of a file; compare with the index')
    p.add_argument('file')
    p.add_argument('--name', help='the zoo entry the file must match')
    p.set_defaults(func=cmd_verify)
    p = sub.add_parser('render', help='write model-zoo.md from the index')
    p.add_argument('--out', help='default: model-zoo.md beside model-index.yml')
    p.add_argument('--check', action='store_true', help='fail if model-zoo.md is out of date')
    p.set_defaults(func=cmd_render)
    args = parser.parse_args()
    try:
        args.func(args)
    except ModelZooError as err:
        sys.exit(str(err))


if __name__ == '__main__':
    main()
