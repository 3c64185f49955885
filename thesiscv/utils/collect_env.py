"""Versions and capabilities of the environment, for bug reports.

    python -m thesiscv.utils.collect_env
"""
import importlib.metadata as md
import signal
import subprocess
import sys
from collections import OrderedDict
from typing import Dict

from mmengine.utils.dl_utils import collect_env as mmengine_collect_env

PACKAGES = ('thesiscv', 'mmengine', 'mmcv', 'mmdet', 'mmpose', 'mmaction2', 'smplx', 'numpy',
            'opencv-python', 'pycocotools', 'xtcocotools', 'scikit-learn', 'scikit-image', 'av',
            'torchvision')


OPS_QUERY = ('from mmcv.ops import get_compiler_version as a, get_compiling_cuda_version as b; '
             'print(f"compiled ({a()}, CUDA: {b()})")')


def mmcv_ops_status() -> str:
    """Whether mmcv's compiled ops load, and for which device they were built.

    Asked in a child process: ops built against another torch can crash the interpreter
    (seen: a segmentation fault in ``get_compiler_version``), and the report must still print.
    """
    proc = subprocess.run([sys.executable, '-c', OPS_QUERY], capture_output=True, text=True)
    if proc.returncode < 0:
        return (f'crashed while loading ({signal.Signals(-proc.returncode).name}): rebuild mmcv '
                'against the installed torch (tools/install.sh)')
    if proc.returncode != 0:  # ImportError / OSError when the ops were not compiled
        return f'not available ({proc.stderr.strip().splitlines()[-1]})'
    return proc.stdout.strip()


def collect_env() -> Dict[str, str]:
    """mmengine's environment report plus thesiscv's stack."""
    env = OrderedDict(mmengine_collect_env())
    for name in PACKAGES:
        try:
            env[name] = md.version(name)
        except md.PackageNotFoundError:
            env[name] = 'not installed'
    env['mmcv ops'] = mmcv_ops_status()
    return env


if __name__ == '__main__':
    for key, value in collect_env().items():
        print(f'{key}: {value}')
