"""Every config under configs/ parses and its model builds (no data, no checkpoint needed)."""
import glob
import os

import pytest
from mmengine.config import Config

from thesiscv.registry import MODELS

from .conftest import ROOT

CONFIGS = sorted(
    os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, 'configs', '**', '*.py'),
                                                recursive=True)
    if f'{os.sep}_base_{os.sep}' not in p)


def test_configs_exist():
    assert CONFIGS, 'no configs found under configs/'


@pytest.mark.parametrize('path', CONFIGS)
def test_config_builds(path):
    cfg = Config.fromfile(os.path.join(ROOT, path))
    assert cfg.get('default_scope') == 'thesiscv', f'{path} must inherit default_runtime.py'
    model = MODELS.build(cfg.model)
    assert sum(p.numel() for p in model.parameters()) > 0
