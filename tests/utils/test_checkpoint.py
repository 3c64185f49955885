"""Safe checkpoint loading: resume restores state on torch 2.13; pickled code is refused."""
import os

import pytest
import torch
from mmengine.config import Config
from mmengine.logging.history_buffer import HistoryBuffer
from mmengine.runner import Runner, load_checkpoint

from thesiscv.utils import UnsafeCheckpointError, safe_load

from ..conftest import ROOT, run_tool

TOY = os.path.join(ROOT, 'tests', 'fixtures', 'toy_config.py')


class _RunsCode:
    """Unpickling this calls ``os.system``: what a malicious checkpoint would do."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f'touch {self.marker}', ))


class _ReadsAnyAttribute:
    """Unpickling this calls ``getattr(HistoryBuffer, '__init__')``: not a statistics method."""

    def __reduce__(self):
        return (getattr, (HistoryBuffer, '__init__'))


def _toy_runner(work_dir: str, **overrides) -> Runner:
    cfg = Config.fromfile(TOY)
    cfg.work_dir = work_dir
    cfg.merge_from_dict(overrides)
    return Runner.from_cfg(cfg)


def test_resume_restores_iteration_optimizer_and_scheduler(tmp_path):
    work_dir = str(tmp_path / 'run')
    run_tool('train.py', TOY, '--work-dir', work_dir, '--cfg-options', 'train_cfg.max_epochs=3')
    ckpt = torch.load(os.path.join(work_dir, 'epoch_3.pth'), weights_only=False)

    runner = _toy_runner(work_dir, resume=True, load_from=os.path.join(work_dir, 'epoch_3.pth'),
                         train_cfg=dict(max_epochs=5))
    runner._train_loop = runner.build_train_loop(runner._train_loop)
    runner.optim_wrapper = runner.build_optim_wrapper(runner.optim_wrapper)
    runner.param_schedulers = runner.build_param_scheduler(runner.param_schedulers)
    runner.load_or_resume()

    assert runner.epoch == 3 and runner.iter == 3 * 8
    state = runner.optim_wrapper.state_dict()['state']
    for key, saved in ckpt['optimizer']['state'].items():
        torch.testing.assert_close(state[key]['momentum_buffer'], saved['momentum_buffer'])
    scheduler = runner.param_schedulers[0]
    assert scheduler.last_step == ckpt['param_schedulers'][0]['last_step'] > 0
    assert runner.optim_wrapper.get_lr()['lr'] == [pytest.approx(0.05)]  # 0.1 halved at epoch 2
    history = runner.message_hub.get_scalar('train/loss')
    assert isinstance(history, HistoryBuffer) and len(history.data[0]) > 0


def test_train_tool_resumes_from_latest(tmp_path):
    work_dir = str(tmp_path / 'run')
    run_tool('train.py', TOY, '--work-dir', work_dir, '--cfg-options', 'train_cfg.max_epochs=2')
    proc = run_tool('train.py', TOY, '--work-dir', work_dir, '--resume',
                    '--cfg-options', 'train_cfg.max_epochs=3')
    assert 'resumed epoch: 2, iter: 16' in proc.stdout + proc.stderr
    assert os.path.isfile(os.path.join(work_dir, 'epoch_3.pth'))


def test_checkpoint_that_runs_code_is_refused(tmp_path):
    marker = tmp_path / 'pwned'
    path = str(tmp_path / 'evil.pth')
    torch.save({'state_dict': {}, 'meta': _RunsCode(str(marker))}, path)
    with pytest.raises(UnsafeCheckpointError, match=r"evil\.pth.*'(posix|os)\.system'"):
        safe_load(path)
    # the same through mmengine's loader (load_from, resume, tools/test.py)
    with pytest.raises(UnsafeCheckpointError):
        load_checkpoint(torch.nn.Linear(2, 2), path)
    assert not marker.exists(), 'the pickled callable ran'


def test_restricted_getattr_refuses_other_attributes(tmp_path):
    path = str(tmp_path / 'sneaky.pth')
    torch.save({'state_dict': {}, 'x': _ReadsAnyAttribute()}, path)
    with pytest.raises(UnsafeCheckpointError, match='sneaky.pth'):
        safe_load(path)


def test_missing_checkpoint_names_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match='nothere.pth.*model zoo'):
        safe_load(str(tmp_path / 'nothere.pth'))
