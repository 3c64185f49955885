"""Test (evaluate) a checkpoint: ``python tools/test.py CONFIG CHECKPOINT [options]``.

CHECKPOINT is a local path, an http(s) URL or a model-zoo name. ``--out FILE.pkl`` dumps the
predictions, ``--show-dir DIR`` saves the method's visualizations (under the work dir), and
``--cfg-options`` / ``--launcher`` work as in tools/train.py.
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))  # run from a checkout

from thesiscv.utils import (build_runner, finish_distributed, load_config,  # noqa: E402
                            parse_run_args)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description='Test (and evaluate) a thesiscv model')
    parser.add_argument('config', help='test config file path')
    parser.add_argument('checkpoint', help='checkpoint: local path, http(s) URL or zoo name')
    parser.add_argument('--out', help='dump the predictions to this pickle file (.pkl)')
    parser.add_argument('--show-dir', help='save the visualizations to this dir, relative to '
                        'the run\'s timestamped log dir (as in mmdet)')
    return parse_run_args(parser)


def main() -> None:
    args = parse_args()
    cfg = load_config(args.config, args.cfg_options, work_dir=args.work_dir,
                      launcher=args.launcher)
    cfg.load_from = args.checkpoint
    if args.show_dir:
        hook = cfg.get('default_hooks', {}).get('visualization')
        if hook is None:
            sys.exit(f'--show-dir: {args.config} has no default_hooks.visualization, so this '
                     'model family has nothing to draw.')
        hook.draw, hook.test_out_dir = True, args.show_dir
    if args.out:
        if not args.out.endswith(('.pkl', '.pickle')):
            sys.exit(f'--out must be a .pkl or .pickle file, got {args.out}')
        dump = dict(type='DumpResults', out_file_path=args.out)
        evaluator = cfg.test_evaluator
        if isinstance(evaluator, dict) and 'metrics' in evaluator:  # dict(type='Evaluator', ...)
            evaluator.metrics = list(evaluator.metrics) + [dump]
        elif isinstance(evaluator, (list, tuple)):
            cfg.test_evaluator = [*evaluator, dump]
        else:
            cfg.test_evaluator = [evaluator, dump]
    runner = build_runner(cfg)
    runner.test()
    finish_distributed()


if __name__ == '__main__':
    main()
