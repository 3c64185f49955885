"""The compatibility fixes of thesiscv.utils.compat and the environment report."""
import os
import subprocess
import sys

import pytest


def test_mmaction_models_import_with_drn_placeholder():
    import mmaction.models  # noqa: F401  (fails without the placeholder on mmaction2 1.2.0)
    from mmaction.models.localizers.drn.drn import DRN
    with pytest.raises(ImportError, match='without mmaction/models/localizers/drn'):
        DRN()


BROKEN_TRANSFORMERS_CHECK = """
import mmaction.models  # imports VindLU unless thesiscv switched it off
from mmaction.registry import MODELS
from mmaction.utils import dependency
print('multimodal', dependency.WITH_MULTIMODAL, MODELS.get('VindLUVQA'))
"""


def test_mmaction_models_import_beside_a_transformers_without_apply_chunking(tmp_path):
    """A transformers release whose modeling_utils lacks apply_chunking_to_forward (as on our
    GPU machine) would break ``import mmaction.models`` through VindLU; thesiscv prevents it."""
    package = tmp_path / 'transformers'
    package.mkdir()
    (package / '__init__.py').write_text('__version__ = "5.0.0"\n')
    (package / 'modeling_utils.py').write_text('class PreTrainedModel:\n    pass\n')
    dist_info = tmp_path / 'transformers-5.0.0.dist-info'
    dist_info.mkdir()
    (dist_info / 'METADATA').write_text('Metadata-Version: 2.1\nName: transformers\n'
                                        'Version: 5.0.0\n')
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    run = [sys.executable, '-c']
    undone = ('import thesiscv\nfrom mmaction.utils import dependency\n'
              'dependency.WITH_MULTIMODAL = True\n')  # the fix taken back
    broken = subprocess.run(run + [undone + BROKEN_TRANSFORMERS_CHECK], capture_output=True,
                            text=True, env=env)
    # the failure this fix is about: VindLU's imports from this transformers
    assert broken.returncode != 0 and 'vindlu' in broken.stderr
    assert "from transformers" in broken.stderr
    fixed = subprocess.run(run + ['import thesiscv\n' + BROKEN_TRANSFORMERS_CHECK],
                           capture_output=True, text=True, env=env)
    assert fixed.returncode == 0, fixed.stderr[-2000:]
    assert 'multimodal False <function' in fixed.stdout  # mmaction's placeholder


def test_torchvision_is_not_needed():
    """Registering all of thesiscv and the mm libraries' models never imports torchvision."""
    code = ('import sys\nfrom thesiscv.utils import register_all_modules\n'
            'register_all_modules()\nimport mmdet.models, mmpose.models, mmaction.models\n'
            'print("torchvision" in sys.modules)')
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == 'False'


def test_collect_env_reports_the_stack():
    out = subprocess.run([sys.executable, '-m', 'thesiscv.utils.collect_env'],
                         capture_output=True, text=True, check=True).stdout
    for key in ('Python', 'PyTorch', 'mmengine', 'mmcv', 'mmcv ops', 'mmdet', 'mmpose',
                'mmaction2', 'smplx', 'numpy', 'CUDA available'):
        assert f'\n{key}:' in '\n' + out, key
    assert 'mmcv ops: compiled' in out


def test_collect_env_survives_mmcv_ops_that_crash(monkeypatch):
    from thesiscv.utils import collect_env
    assert collect_env.mmcv_ops_status().startswith('compiled (')  # our install has the ops
    monkeypatch.setattr(collect_env, 'OPS_QUERY',
                        'import os, signal; os.kill(os.getpid(), signal.SIGSEGV)')
    assert collect_env.mmcv_ops_status().startswith('crashed while loading (SIGSEGV)')
    monkeypatch.setattr(collect_env, 'OPS_QUERY', 'import mmcv._no_such_ext')
    assert collect_env.mmcv_ops_status().startswith('not available (ModuleNotFoundError')


def test_finish_distributed_destroys_the_process_group(monkeypatch):
    import socket

    import torch.distributed as dist

    from thesiscv.utils import finish_distributed, setup_env
    finish_distributed()  # outside a distributed run: nothing to do

    class Exited(Exception):
        pass

    def fake_exit(code):
        raise Exited(code)

    monkeypatch.setattr(setup_env.os, '_exit', fake_exit)
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        port = sock.getsockname()[1]
    dist.init_process_group('gloo', init_method=f'tcp://127.0.0.1:{port}', rank=0, world_size=1)
    assert dist.is_initialized()
    with pytest.raises(Exited, match='0'):
        finish_distributed()
    assert not dist.is_initialized()


def test_finish_distributed_can_leave_the_process_after_flushing(tmp_path):
    import subprocess
    import sys
    script = tmp_path / 'rank.py'
    script.write_text(
        'import socket\n'
        'import torch.distributed as dist\n'
        'from thesiscv.utils import finish_distributed\n'
        'sock = socket.socket(); sock.bind(("127.0.0.1", 0)); port = sock.getsockname()[1]\n'
        'sock.close()\n'
        'dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=0,\n'
        '                        world_size=1)\n'
        'print("run finished", end="")  # unflushed: finish_distributed must flush it\n'
        'finish_distributed()\n'
        'print("after exit")\n'
        'raise SystemExit(3)\n')
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == 'run finished'
