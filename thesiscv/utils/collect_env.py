"""Versions and capabilities of the environment, for bug reports.

    python -m thesiscv.utils.collect_env
"""
import importlib.metadata as md
from collections import OrderedDict
from typing import Dict

from mmengine.utils.dl_utils import collect_env as mmengine_collect_env

PACKAGES = ('thesiscv', 'mmengine', 'mmcv', 'mmdet', 'mmpose', 'mmaction2', 'smplx', 'numpy',
            'opencv-python', 'pycocotools', 'xtcocotools', 'scikit-learn', 'scikit-image', 'av')


def mmcv_ops_status() -> str:
    """Whether mmcv's compiled ops load, and for which device they were built."""
    try:
        from mmcv.ops import get_compiler_version, get_compiling_cuda_version
    except Exception as err:  # ImportError / OSError when the ops were not compiled
        return f'not available ({type(err).__name__}: {err})'
    return (f'compiled ({get_compiler_version()}, CUDA: {get_compiling_cuda_version()})')


def collect_env() -> Dict[str, str]:
    """mmengine's environment report plus thesiscv's stack."""
    env = OrderedDict(mmengine_collect_env())
    for name in PACKAGES:
        try:
            env[name] = md.version(name)
        except md.PackageNotFoundError:
            env[name] = 'not installed'
    env['mmcv ops'] = mmcv_ops_status()
    from .compat import torchvision_usable
    env['torchvision usable'] = str(torchvision_usable())
    return env


if __name__ == '__main__':
    for key, value in collect_env().items():
        print(f'{key}: {value}')
