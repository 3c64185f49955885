"""Set up a run: register thesiscv's modules, read a config, build its runner."""
import argparse
import datetime
import logging
import os
import os.path as osp
import sys
import warnings
from typing import Optional

from mmengine import DefaultScope
from mmengine.config import Config, DictAction
from mmengine.dist import barrier, is_distributed
from mmengine.registry import RUNNERS
from mmengine.runner import Runner
from torch import distributed as torch_dist

from .compat import init_dist


def register_all_modules(init_default_scope: bool = True) -> None:
    """Import every thesiscv module that registers components, and set the default scope.

    Args:
        init_default_scope: make ``thesiscv`` the current default scope, so that unprefixed types
            in configs resolve in thesiscv's registries (and through them in mmengine's).
    """
    import thesiscv.apis  # noqa: F401,F403
    import thesiscv.datasets  # noqa: F401,F403
    import thesiscv.engine  # noqa: F401,F403
    import thesiscv.evaluation  # noqa: F401,F403
    import thesiscv.models  # noqa: F401,F403
    import thesiscv.visualization  # noqa: F401,F403

    if not init_default_scope:
        return
    current = DefaultScope.get_current_instance()
    if current is None:
        DefaultScope.get_instance('thesiscv', scope_name='thesiscv')
    elif current.scope_name != 'thesiscv':
        warnings.warn(f'The current default scope "{current.scope_name}" is not "thesiscv"; '
                      '`register_all_modules` makes a new default scope named '
                      'thesiscv-<timestamp>.')
        name = f'thesiscv-{datetime.datetime.now()}'
        DefaultScope.get_instance(name, scope_name='thesiscv')


def parse_run_args(parser: argparse.ArgumentParser) -> argparse.Namespace:
    """Add the options tools/train.py and tools/test.py share, then parse the command line.

    Shared options: ``--work-dir``, ``--cfg-options k=v ...``, ``--launcher`` and
    ``--local-rank`` (set by older launchers; exported as ``LOCAL_RANK``).
    """
    parser.add_argument('--work-dir', help='the dir for logs, checkpoints and results '
                        '(default: work_dirs/<config name>)')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction,
                        help='override config settings, e.g. train_cfg.max_iters=100')
    parser.add_argument('--launcher', choices=['none', 'pytorch', 'slurm', 'mpi'],
                        default='none', help='job launcher (set by the dist_/slurm_ scripts)')
    parser.add_argument('--local_rank', '--local-rank', type=int, default=0)
    args = parser.parse_args()
    os.environ.setdefault('LOCAL_RANK', str(args.local_rank))
    return args


def load_config(path: str, cfg_options: Optional[dict] = None, work_dir: Optional[str] = None,
                launcher: str = 'none') -> Config:
    """Read a config the way tools/train.py and tools/test.py do.

    Args:
        path: config file (``configs/...py``).
        cfg_options: ``--cfg-options`` overrides, merged into the config.
        work_dir: ``--work-dir``; default ``work_dirs/<config file name without .py>``.
        launcher: ``none``, ``pytorch``, ``slurm`` or ``mpi``.
    """
    if not osp.isfile(path):
        raise FileNotFoundError(f'Config file {path} does not exist (configs live under configs/)')
    cfg = Config.fromfile(path)
    if cfg_options:
        cfg.merge_from_dict(cfg_options)
    cfg.launcher = launcher
    if work_dir is not None:
        cfg.work_dir = work_dir
    elif cfg.get('work_dir') is None:
        cfg.work_dir = osp.join('work_dirs', osp.splitext(osp.basename(path))[0])
    return cfg


def build_runner(cfg: Config) -> Runner:
    """Build the runner of ``cfg`` (``runner_type`` or mmengine's Runner) in scope thesiscv.

    Distributed runs are initialised here, before the runner, with
    :func:`thesiscv.utils.compat.init_dist`, so that machines without CUDA use gloo.
    """
    register_all_modules()
    if cfg.get('launcher', 'none') != 'none' and not is_distributed():
        dist_cfg = dict(cfg.get('env_cfg', {}).get('dist_cfg', {}))
        backend = init_dist(cfg.launcher, **dist_cfg)
        cfg.env_cfg.dist_cfg.backend = backend
    if 'runner_type' in cfg:
        return RUNNERS.build(cfg)
    return Runner.from_cfg(cfg)


def finish_distributed() -> None:
    """End a distributed run (the last call of ``tools/train.py`` and ``tools/test.py``): wait
    for every rank, destroy the process group, flush the logs and leave with ``os._exit(0)``.

    Otherwise a rank can abort after the run itself finished ("terminate called without an
    active exception", exit code -6): gloo's worker threads can still hold tensors whose
    destruction during interpreter finalization aborts the process (described in
    pytorch/pytorch#179291); destroying the group alone did not prevent it. Does nothing
    outside a distributed run.
    """
    if is_distributed():
        barrier()
        torch_dist.destroy_process_group()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
