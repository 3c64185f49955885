"""The compatibility fixes of thesiscv.utils.compat and the environment report."""
import subprocess
import sys

import pytest


def test_mmaction_models_import_with_drn_placeholder():
    import mmaction.models  # noqa: F401  (fails without the placeholder on mmaction2 1.2.0)
    from mmaction.models.localizers.drn.drn import DRN
    with pytest.raises(ImportError, match='without mmaction/models/localizers/drn'):
        DRN()


def test_torchvision_is_not_needed():
    from thesiscv.utils.compat import torchvision_usable
    assert 'torchvision' not in sys.modules or torchvision_usable()


def test_collect_env_reports_the_stack():
    out = subprocess.run([sys.executable, '-m', 'thesiscv.utils.collect_env'],
                         capture_output=True, text=True, check=True).stdout
    for key in ('Python', 'PyTorch', 'mmengine', 'mmcv', 'mmcv ops', 'mmdet', 'mmpose',
                'mmaction2', 'smplx', 'numpy', 'CUDA available'):
        assert f'\n{key}:' in '\n' + out, key
    assert 'mmcv ops: compiled' in out
