"""Shared test helpers: run the command-line tools as a user would."""
import os
import subprocess
import sys
from typing import List

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_tool(*args: str, timeout: float = 300, env: dict = None) -> subprocess.CompletedProcess:
    """Run ``python tools/<args>`` (or a ``.sh`` tool with bash) from the project root.

    Fails the test with the tool's output when it exits non-zero.
    """
    script = os.path.join(ROOT, 'tools', args[0])
    cmd: List[str] = (['bash', script] if script.endswith('.sh') else [sys.executable, script])
    full_env = dict(os.environ, PYTHON=sys.executable, OMP_NUM_THREADS='1', **(env or {}))
    proc = subprocess.run(cmd + list(args[1:]), cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=full_env)
    if proc.returncode != 0:
        pytest.fail(f'{" ".join(cmd + list(args[1:]))} exited with {proc.returncode}\n'
                    f'--- stdout ---\n{proc.stdout[-6000:]}\n--- stderr ---\n{proc.stderr[-6000:]}')
    return proc


@pytest.fixture(scope='session', autouse=True)
def _registered():
    """Every test runs with thesiscv's modules registered and its default scope set."""
    from thesiscv.utils import register_all_modules
    register_all_modules()
