"""Every synthetic VAE-attention config trains through tools/train.py and evaluates through
tools/test.py (with --show-dir pictures), on tiny data generated into a temporary folder."""
import glob
import os.path as osp

import pytest

from thesiscv.datasets.synthetic import GENERATORS
from ..conftest import run_tool

CFG = 'configs/vae_attention/'
EPOCH_RUN = ['train_cfg.max_epochs=1', 'train_cfg.val_interval=1']
ITER_RUN = ['train_cfg.max_iters=2', 'train_cfg.val_interval=2',
            'train_dataloader.batch_size=8', 'val_dataloader.batch_size=64',
            'test_dataloader.batch_size=64']
# config, generator, its options, dataset keys to point at the data, extra overrides, metric
CASES = [
    ('vaeatt-sa_convvae-d32_20e_synthetic-digits-oc1.py', 'digits',
     dict(num_train=40, num_test=10), {}, EPOCH_RUN, 'anomaly/sa_map_pixel_auroc'),
    ('vaeatt-sa_convvae-d32_20e_sklearn-digits-oc1.py', 'sklearn_digits', {}, {},
     EPOCH_RUN + ['train_dataloader.dataset.normal_class=0'] + [
         f'{s}_dataloader.dataset.{k}' for s in ('val', 'test')
         for k in ('normal_class=0', 'test_classes=[0,1]')], 'anomaly/image_auroc'),
    ('vaeatt-sa-conv2_convvae-d32_20e_synthetic-ped.py', 'ped',
     dict(num_train_clips=1, num_test_clips=1, num_frames=6, num_gt_clips=1), {}, EPOCH_RUN,
     'anomaly/da_map_pixel_auroc'),
    ('vaeatt-sa_resnet18vae-d32_40e_synthetic-defects.py', 'defects',
     # two good test images first: MVTec stems repeat across defect folders (good/000.png,
     # hole/000.png), and --show-dir names pictures by stem
     dict(categories=['grid'], size=32, num_train=4, num_test_good=2, num_test_per_defect=1),
     dict(category='grid'), EPOCH_RUN + ['train_dataloader.batch_size=4'],
     'anomaly/diffmap_best_iou'),
    ('factorvae-g40_convnet-d10_2k_synthetic-sprites.py', 'sprites',
     dict(n_scale=2, n_orient=2, n_pos=4), dict(ann_file=None), ITER_RUN,
     'dsprites/disentanglement'),
    ('ad-factorvae-sa-1pair-g40_convnet-d10_2k_synthetic-sprites.py', 'sprites',
     dict(n_scale=2, n_orient=2, n_pos=4), dict(ann_file=None), ITER_RUN, 'vae/recon_error'),
    ('ad-factorvae-sa-3pair-g40_convnet-d10_2k_synthetic-sprites.py', 'sprites',
     dict(n_scale=2, n_orient=2, n_pos=4), dict(ann_file=None), ITER_RUN,
     'dsprites/disentanglement'),
]


@pytest.mark.parametrize('config,generator,options,keys,overrides,metric', CASES,
                         ids=[c[0].split('_')[0] + '-' + c[1] for c in CASES])
def test_train_then_test(tmp_path, config, generator, options, keys, overrides, metric):
    data = tmp_path / 'data'
    written = GENERATORS[generator].func(str(data), seed=0, **options)
    values = dict(keys, data_root=str(data))
    if 'ann_file' in values:
        values['ann_file'] = osp.basename(written)
    point = [f'{split}_dataloader.dataset.{k}={v}' for split in ('train', 'val', 'test')
             for k, v in values.items()]
    work = tmp_path / 'work'
    run_tool('train.py', CFG + config, '--work-dir', str(work), '--cfg-options', *point,
             *overrides)
    checkpoint = open(work / 'last_checkpoint').read().strip()
    proc = run_tool('test.py', CFG + config, checkpoint, '--work-dir', str(work),
                    '--show-dir', 'vis', '--cfg-options', *point, *overrides,
                    'default_hooks.visualization.max_samples=2')
    assert metric in proc.stdout + proc.stderr
    assert len(glob.glob(str(work / '*' / 'vis' / '*.png'))) == 2
