"""Train a model from a config: ``python tools/train.py CONFIG [options]``.

The OpenMMLab command line: ``--work-dir``, ``--resume [PATH]``, ``--amp``,
``--cfg-options k=v ...`` and ``--launcher none|pytorch|slurm`` (use tools/dist_train.sh or
tools/slurm_train.sh rather than setting the launcher by hand).
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))  # run from a checkout

import torch  # noqa: E402

from thesiscv.utils import (build_runner, finish_distributed, load_config,  # noqa: E402
                            parse_run_args)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description='Train a thesiscv model')
    parser.add_argument('config', help='train config file path')
    parser.add_argument('--resume', nargs='?', type=str, const='auto',
                        help='resume from the given checkpoint, or from the latest checkpoint '
                        'in the work dir when no path is given')
    parser.add_argument('--amp', action='store_true',
                        help='enable automatic mixed precision training')
    return parse_run_args(parser)


def main() -> None:
    args = parse_args()
    cfg = load_config(args.config, args.cfg_options, work_dir=args.work_dir,
                      launcher=args.launcher)
    if args.amp:
        if not torch.cuda.is_available():
            sys.exit('--amp needs a GPU: mmengine\'s AmpOptimWrapper runs on CUDA (or NPU/MLU) '
                     'devices only, and this machine has none. Drop --amp to train in fp32.')
        cfg.optim_wrapper.type = 'AmpOptimWrapper'
        cfg.optim_wrapper.setdefault('loss_scale', 'dynamic')
    if args.resume == 'auto':
        cfg.resume, cfg.load_from = True, None
    elif args.resume is not None:
        cfg.resume, cfg.load_from = True, args.resume
    runner = build_runner(cfg)
    runner.train()
    finish_distributed()


if __name__ == '__main__':
    main()
