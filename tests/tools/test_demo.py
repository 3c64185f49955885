"""tools/demo.py, the Quick-start job: every recipe is consistent, and the default (EMA-Net)
runs generate -> train -> test end to end on a tiny set, then reuses the data."""
import glob
import importlib.util
import os.path as osp

from thesiscv.datasets.synthetic import GENERATORS
from thesiscv.utils import load_config

from ..conftest import ROOT, run_tool


def load_demo():
    spec = importlib.util.spec_from_file_location('demo', osp.join(ROOT, 'tools', 'demo.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recipes_read_what_their_generator_writes():
    demo = load_demo()
    assert demo.DEFAULT == 'emanet'
    for name, recipe in demo.RECIPES.items():
        assert GENERATORS[recipe.generator].default_dir == recipe.data_dir, name
        cfg = load_config(osp.join(ROOT, recipe.config))
        for split in ('train', 'val', 'test'):
            assert cfg[f'{split}_dataloader'].dataset.data_root == recipe.data_dir, (name, split)


def test_default_recipe_end_to_end(tmp_path):
    data, work = str(tmp_path / 'data'), str(tmp_path / 'work')
    args = ['--work-dir', work, '--data-dir', data, '--gen-options', 'clips_per_class=2',
            'max_frames=10', '--cfg-options', 'train_cfg.max_epochs=1', 'train_cfg.val_interval=1',
            'train_dataloader.batch_size=4', 'default_hooks.checkpoint.interval=1']
    out = run_tool('demo.py', *args).stdout
    assert 'make_synthetic.py soccer' in out
    assert 'soccer/a_f1' in out and 'Confusion matrix' in out
    assert 'test metrics of the trained model:\n  soccer/AP: ' in out
    checkpoint = osp.join(work, 'epoch_1.pth')
    assert f'[demo] checkpoint: {checkpoint}' in out and osp.isfile(checkpoint)
    assert len(glob.glob(osp.join(work, '*', '*.log'))) == 2  # the train and the test run
    again = run_tool('demo.py', *args).stdout
    assert f'reusing the synthetic data in {data}' in again
    assert 'make_synthetic.py' not in again
