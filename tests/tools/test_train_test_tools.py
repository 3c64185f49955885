"""tools/train.py, tools/test.py, dist_train.sh / dist_test.sh (2 CPU processes), benchmark.py."""
import json
import os
import os.path as osp
import pickle
import socket
import subprocess
import sys

from ..conftest import ROOT, run_tool

TOY = os.path.join(ROOT, 'tests', 'fixtures', 'toy_config.py')


def _free_port() -> str:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return str(s.getsockname()[1])


def test_train_then_test_with_out_file(tmp_path):
    work_dir = str(tmp_path / 'run')
    run_tool('train.py', TOY, '--work-dir', work_dir)
    out = str(tmp_path / 'preds.pkl')
    proc = run_tool('test.py', TOY, os.path.join(work_dir, 'epoch_4.pth'), '--work-dir', work_dir,
                    '--out', out)
    assert 'accuracy: 1.0000' in proc.stdout + proc.stderr  # separable blobs
    with open(out, 'rb') as f:
        predictions = pickle.load(f)
    assert len(predictions) == 32 and {'pred', 'label', 'name'} <= set(predictions[0])


def test_distributed_train_and_test_on_two_cpu_processes(tmp_path):
    work_dir = str(tmp_path / 'ddp')
    env = dict(PORT=_free_port())
    proc = run_tool('dist_train.sh', TOY, '2', '--work-dir', work_dir, env=env)
    log = proc.stdout + proc.stderr
    assert 'Distributed training: True' in log and "'backend': 'gloo'" in log
    assert os.path.isfile(os.path.join(work_dir, 'epoch_4.pth'))
    digests = [open(os.path.join(work_dir, f'params_rank{r}.sha256')).read() for r in (0, 1)]
    assert digests[0] == digests[1], 'parameters differ across ranks after DDP training'
    proc = run_tool('dist_test.sh', TOY, os.path.join(work_dir, 'epoch_4.pth'), '2',
                    '--work-dir', work_dir, env=dict(PORT=_free_port()))
    assert 'accuracy: 1.0000' in proc.stdout + proc.stderr


def test_clear_errors_for_missing_config_key_and_show_dir(tmp_path):

    def run(*args):
        return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)

    proc = run('tools/train.py', 'configs/nope.py')
    assert proc.returncode != 0 and 'configs/nope.py does not exist' in proc.stderr
    proc = run('tools/train.py', TOY, '--work-dir', str(tmp_path), '--cfg-options',
               'model.hiden=3')
    assert proc.returncode != 0 and "unexpected keyword argument 'hiden'" in proc.stderr
    proc = run('tools/test.py', TOY, 'x.pth', '--show-dir', 'vis')
    assert proc.returncode != 0 and 'has no default_hooks.visualization' in proc.stderr


def test_benchmark_prints_every_figure(tmp_path):
    out = str(tmp_path / 'bench.json')
    proc = run_tool('analysis/benchmark.py', TOY, '--iters', '2', '--warmup', '1',
                    '--json', out)
    for label in ('train step', 'inference', 'latency (batch 1)', 'parameters',
                  'forward FLOPs', 'matmul peak', 'train share of peak'):
        assert label in proc.stdout
    figures = json.load(open(out))
    assert figures['params'] == 8 * 16 + 16 + 16 * 2 + 2  # the toy MLP, counted by hand
    assert figures['forward_flops_per_batch'] == 8 * (8 * 16 + 16 * 2)  # MACs of 2 Linear layers
    for key in ('train_samples_per_s', 'infer_samples_per_s', 'latency_ms_batch1',
                'matmul_peak_flop_per_s', 'train_share_of_peak'):
        assert figures[key] > 0, key
    assert figures['train_share_of_peak'] < 1


def test_make_synthetic_lists_every_generator():
    from thesiscv.datasets.synthetic import GENERATORS
    assert GENERATORS, 'no synthetic generator is registered'
    out = run_tool('data/make_synthetic.py', '--list').stdout
    for name, generator in GENERATORS.items():
        assert name in out and generator.default_dir in out


def test_make_synthetic_refuses_a_folder_with_files_unless_overwrite(tmp_path):
    stale = tmp_path / 'scans' / 'scene0000_00' / 'color' / '59.jpg'
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b'a frame of an earlier, longer data set')
    cmd = [sys.executable, osp.join(ROOT, 'tools', 'data', 'make_synthetic.py'), 'rooms',
           '--out-dir', str(tmp_path), '--options', 'num_train=1', 'num_test=1', 'frames=3',
           'test_frames=2']
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and f'{tmp_path} already holds files' in proc.stderr
    assert '--overwrite' in proc.stderr and stale.exists()
    run_tool('data/make_synthetic.py', *cmd[2:], '--overwrite')
    assert not stale.exists()
    assert sorted(p.name for p in stale.parent.iterdir()) == ['0.jpg', '1.jpg', '2.jpg']
