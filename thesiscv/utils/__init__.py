"""Environment set-up, compatibility fixes, safe checkpoints, the model zoo, collect_env."""
from .checkpoint import UnsafeCheckpointError, safe_load
from .compat import init_dist
from .setup_env import (build_runner, finish_distributed, load_config, parse_run_args,
                        register_all_modules)

__all__ = ['register_all_modules', 'parse_run_args', 'load_config', 'build_runner',
           'finish_distributed', 'safe_load', 'UnsafeCheckpointError', 'init_dist']
