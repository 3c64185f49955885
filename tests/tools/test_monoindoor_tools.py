"""The synthetic monoindoor configs train a few iterations through tools/train.py and evaluate
(depth and pose) through tools/test.py, drawing depth pictures with --show-dir; the demo runs
on the trained MonoIndoor++ checkpoint."""
import glob
import importlib.util
import json
import math
import os
import re
import subprocess
import sys

import pytest
import torch

from thesiscv.datasets.synthetic.indoor_rooms import generate
from thesiscv.models.monoindoor.pose_ops import params_to_mat

from ..conftest import ROOT, run_tool

# every synthetic recipe (configs/monoindoor/synthetic.py only renames the MonoIndoor++ one)
SYNTHETIC = sorted(os.path.relpath(p, ROOT) for p in glob.glob(
    os.path.join(ROOT, 'configs', 'monoindoor', '**', '*synthetic-rooms*.py'), recursive=True))


@pytest.fixture(scope='module')
def data_root(tmp_path_factory):
    root = tmp_path_factory.mktemp('rooms')
    generate(str(root), seed=0, num_train=1, num_test=1, frames=6, test_frames=3)
    return str(root)


def overrides(data_root, work_dir):
    opts = [f'work_dir={work_dir}', 'train_cfg.max_epochs=1', 'train_cfg.val_interval=1',
            'default_hooks.logger.interval=1', 'train_dataloader.batch_size=2']
    for loader in ('train_dataloader', 'val_dataloader', 'test_dataloader'):
        opts += [f'{loader}.dataset.data_root={data_root}', f'{loader}.num_workers=0',
                 f'{loader}.persistent_workers=False']
    return opts


@pytest.mark.parametrize('config', SYNTHETIC)
def test_train_then_test(config, data_root, tmp_path):
    assert len(SYNTHETIC) >= 5
    work_dir = str(tmp_path / 'work')
    run_tool('train.py', config, '--cfg-options', *overrides(data_root, work_dir))
    scalars = glob.glob(os.path.join(work_dir, '*', 'vis_data', 'scalars.json'))[0]
    logs = [json.loads(line) for line in open(scalars)]
    losses = [log['loss'] for log in logs if 'loss' in log]
    assert len(losses) == 2 and all(math.isfinite(x) for x in losses)
    val = [log for log in logs if 'depth/abs_rel' in log][-1]
    assert 0 < val['depth/abs_rel'] < 1 and 'pose/rot' in val and 'traj/ate' in val
    main_recipes = ('monodepth2_r18_1xb4-3e', 'monoindoorpp_r18_1xb4-3e')
    if not os.path.basename(config).startswith(main_recipes):
        return  # tools/test.py for the two main recipes only (test budget)
    ckpt = glob.glob(os.path.join(work_dir, 'epoch_1.pth'))[0]
    proc = run_tool('test.py', config, ckpt, '--show-dir', 'pictures', '--cfg-options',
                    *overrides(data_root, work_dir))
    assert 'depth/abs_rel' in proc.stdout + proc.stderr
    pictures = glob.glob(os.path.join(work_dir, '*', 'pictures', '*.png'))
    assert len(pictures) == 2  # one per test pair (target frames 0 and 1)
    if 'monoindoorpp' in config:
        demo_out = tmp_path / 'demo'
        frames = os.path.join(data_root, 'scans', 'scene0001_00', 'color')
        proc = subprocess.run([sys.executable, os.path.join(ROOT, 'demo', 'monoindoor_demo.py'),
                               frames, config, ckpt, '--out-dir', str(demo_out)], cwd=ROOT,
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert len(glob.glob(str(demo_out / '*.npy'))) == 3  # the test room's 3 frames
        assert len(glob.glob(str(demo_out / '*_depth.png'))) == 3


BOUNDS = 'analysis/selfsup_depth_bounds.py'
BASELINE = 'configs/monoindoor/monodepth2_r18_1xb4-3e_synthetic-rooms-64x96.py'


@pytest.mark.parametrize('mode, metric, extra', [('depth-labels', 'depth/abs_rel', ()),
                                                 ('true-pose', 'depth/abs_rel',
                                                  ('--pose-noise', '2')),
                                                 ('pose-labels', 'pose/rot', ()),
                                                 ('true-depth', 'pose/rot', ())])
def test_bounds_train_one_network_and_report_its_metrics(mode, metric, extra, data_root):
    proc = run_tool(BOUNDS, 'configs/monoindoor/synthetic.py', mode, '--data-root', data_root,
                    '--max-steps', '2', '--every', '1000', *extra)
    lines = [line.split() for line in proc.stdout.splitlines() if line.startswith('step')]
    assert [line[1] for line in lines] == ['0', '2']  # before training and at the last step
    assert lines[0][5] == '-' and math.isfinite(float(lines[1][5]))  # the training loss
    values = dict(zip(lines[-1][6::2], map(float, lines[-1][7::2])))
    assert metric in values and all(math.isfinite(v) for v in values.values())
    other = 'pose/rot' if metric.startswith('depth') else 'depth/abs_rel'
    assert other not in values  # the ground-truth half is not reported as a result


def test_bounds_gradient_true_pose_explains_the_pair(data_root):
    proc = run_tool(BOUNDS, BASELINE, 'gradient', '--data-root', data_root)
    identity, true = map(float, re.search(r'at the identity ([\d.]+), at the true pose ([\d.]+)',
                                          proc.stdout).groups())
    # ground-truth depth and motion (in the model's conventions) warp the source onto the target
    assert true < 0.3 * identity
    cosines = [float(x) for x in re.findall(r'mean (-?[\d.]+),', proc.stdout)]
    assert len(cosines) == 2 and all(-1 <= c <= 1 for c in cosines)


def test_bounds_pose_noise_turns_the_true_rotation_by_the_given_angle():
    spec = importlib.util.spec_from_file_location('bounds', os.path.join(ROOT, 'tools', BOUNDS))
    bounds = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bounds)
    torch.manual_seed(0)
    pose = params_to_mat(torch.randn(5, 3) * 0.1, torch.randn(5, 3))
    noisy = bounds.perturb_rotation(pose, 2.0)
    rel = noisy[:, :3, :3] @ pose[:, :3, :3].transpose(1, 2)
    angle = torch.rad2deg(bounds.rotation_log(rel).norm(dim=1))
    assert torch.allclose(angle, torch.full((5, ), 2.0), atol=1e-3)
    assert torch.allclose(noisy[:, :3, 3], (rel @ pose[:, :3, 3, None])[..., 0], atol=1e-6)
    assert torch.equal(bounds.perturb_rotation(pose, 0.0), pose)


def test_bounds_pose_noise_only_with_true_pose():
    proc = subprocess.run([sys.executable, os.path.join(ROOT, 'tools', BOUNDS), BASELINE,
                           'true-depth', '--pose-noise', '1'], cwd=ROOT, capture_output=True,
                          text=True)
    assert proc.returncode != 0 and '--pose-noise' in proc.stderr and 'true-depth' in proc.stderr


def test_bounds_needs_a_scannet_layout_with_a_training_split(tmp_path):
    proc = subprocess.run([sys.executable, os.path.join(ROOT, 'tools', BOUNDS), BASELINE,
                           'true-pose', '--data-root', str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode != 0
    assert f'{tmp_path}/scannetv2_train.txt not found' in proc.stderr
    assert 'make_synthetic.py rooms' in proc.stderr
