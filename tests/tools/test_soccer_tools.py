"""EMA-Net from the command line on a tiny synthetic soccer set: make_synthetic, train, test
(A-F1 and the confusion matrix), dist_train with 2 CPU processes, preprocess, the demo, the
5-split runner's helpers and the CVAT converter."""
import glob
import importlib.util
import json
import os.path as osp
import subprocess
import sys

import numpy as np
import pytest
from mmengine.config import Config

from thesiscv.datasets.soccer_cvat import parse_cvat_video

from ..conftest import ROOT, run_tool

CFG = 'configs/emanet/soccer_synthetic.py'
FAST = ['train_cfg.max_epochs=1', 'train_cfg.val_interval=1', 'train_dataloader.batch_size=4',
        'default_hooks.checkpoint.interval=1']


def loader_options(data_root: str) -> list:
    return [f'{s}_dataloader.{k}' for s in ('train', 'val', 'test')
            for k in (f'dataset.data_root={data_root}', 'num_workers=0',
                      'persistent_workers=False')]


@pytest.fixture(scope='module')
def trained(tmp_path_factory):
    """A tiny data set from the command line, and one epoch of training on it."""
    tmp = tmp_path_factory.mktemp('soccer_tools')
    data = str(tmp / 'data')
    run_tool('data/make_synthetic.py', 'soccer', '--out-dir', data, '--options',
             'clips_per_class=2', 'max_frames=10')
    work = tmp / 'work'
    run_tool('train.py', CFG, '--work-dir', str(work), '--cfg-options', *loader_options(data),
             *FAST)
    return data, work, open(work / 'last_checkpoint').read().strip()


def test_test_prints_a_f1_and_saves_the_confusion_matrix(trained):
    data, work, checkpoint = trained
    proc = run_tool('test.py', CFG, checkpoint, '--work-dir', str(work), '--show-dir', 'vis',
                    '--cfg-options', *loader_options(data))
    out = proc.stdout + proc.stderr
    assert 'soccer/a_f1' in out and 'soccer/macro_f1' in out and 'Confusion matrix' in out
    pictures = glob.glob(str(work / '*' / 'confusion_matrix.png'))
    assert pictures and osp.getsize(pictures[0]) > 1000
    assert len(glob.glob(str(work / '*' / 'vis' / '*.png'))) == 2  # the 2 test samples


def test_dist_train_with_two_cpu_processes(trained, tmp_path):
    data, _, _ = trained
    run_tool('dist_train.sh', CFG, '2', '--work-dir', str(tmp_path), '--cfg-options',
             *loader_options(data), *FAST, env=dict(PORT='29612'))
    assert osp.isfile(tmp_path / 'epoch_1.pth')


def test_demo_on_annotated_clips_reports_a_bad_clip(trained, tmp_path):
    data, _, checkpoint = trained
    clips = tmp_path / 'clips'
    clips.mkdir()
    for video in sorted(glob.glob(osp.join(data, 'videos', 'shooting', 'goal', '*.mp4'))):
        (clips / osp.basename(video)).write_bytes(open(video, 'rb').read())
    (clips / 'unknown_clip.mp4').write_bytes(b'broken')
    proc = subprocess.run(
        [sys.executable, 'demo/emanet_demo.py', str(clips), CFG, checkpoint, '--ann-file',
         osp.join(data, 'annotations', 'soccer_highlights_emanet.pkl'), '--out-dir',
         str(tmp_path / 'out')], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert 'unknown_clip: FAILED' in proc.stdout and 'goal_0008: ' in proc.stdout
    with open(tmp_path / 'out' / 'goal_0008.json') as f:
        result = json.load(f)
    assert result['label_name'] in result['scores'] and len(result['scores']) == 6
    assert abs(sum(result['scores'].values()) - 1) < 1e-4
    assert osp.getsize(tmp_path / 'out' / 'goal_0008_overlay.mp4') > 1000


def test_preprocess_tool_builds_another_registration_mode(trained):
    data, _, _ = trained
    proc = run_tool('data/soccer/preprocess.py', data, '--gt-fast-path', '--stages', 'energy',
                    '--energy-modes', 'similarity', '--support-thr', '0.1')
    assert 'energy' in proc.stdout
    assert len(glob.glob(osp.join(data, 'energy', 'similarity', '*.png'))) == 12 + 6


def load_tool(path: str):
    spec = importlib.util.spec_from_file_location(osp.basename(path)[:-3], osp.join(ROOT, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_split_runner_options_and_summary(tmp_path):
    runner = load_tool('tools/data/soccer/run_splits.py')
    emanet = Config.fromfile(osp.join(ROOT, CFG))
    assert 'val_dataloader.dataset.split=3' in runner.split_options(emanet, 3)
    r3d = Config.fromfile(osp.join(
        ROOT, 'configs/emanet/baselines/r3d_r18-k400-pre_1xb8-16x1x1-50e_soccer-all-rgb.py'))
    assert ('test_dataloader.dataset.ann_file=annotations/video_lists/all_split2_test.txt'
            in runner.split_options(r3d, 2))
    gcn = Config.fromfile(osp.join(
        ROOT, 'configs/emanet/baselines/stgcn_joint-2d_1xb16-u32-80e_soccer-all-keypoint.py'))
    assert 'train_dataloader.dataset.split=split4_train' in runner.split_options(gcn, 4)
    for k, (a_f1, cm) in enumerate([(0.5, [[1, 1], [0, 2]]), (1.0, [[2, 0], [0, 2]])]):
        run = tmp_path / f'split{k}' / 'test' / '20260101_00000{k}'
        run.mkdir(parents=True)
        metrics = {f'soccer/{m}': a_f1 for m in runner.METRICS}
        (run / f'{run.name}.json').write_text(json.dumps(metrics))
        (run / 'confusion_matrix.json').write_text(json.dumps(dict(classes=['a', 'b'],
                                                                   matrix=cm)))
    summary = runner.summarize(str(tmp_path), [0, 1])
    assert summary['metrics']['a_f1']['mean'] == pytest.approx(0.75)
    assert summary['metrics']['a_f1']['std'] == pytest.approx(0.25)
    assert summary['pooled_confusion']['matrix'] == [[3, 1], [0, 4]]
    assert osp.isfile(tmp_path / 'pooled_confusion_matrix.png')


CVAT = """<annotations><version>1.1</version>
<meta><task><name>clip</name><size>3</size>
<original_size><width>320</width><height>240</height></original_size></task></meta>
<track id="0" label="ball"><box frame="0" outside="0" xtl="10" ytl="10" xbr="14" ybr="14"/>
</track>
<track id="1" label="player">
 <box frame="0" outside="0" xtl="50" ytl="40" xbr="80" ybr="120">
  <attribute name="action">Shooting</attribute></box>
 <box frame="1" outside="0" xtl="52" ytl="40" xbr="82" ybr="120"/>
 <box frame="2" outside="1" xtl="52" ytl="40" xbr="82" ybr="120"/>
</track>
<track id="2" label="goalkeeper"><box frame="1" outside="0" xtl="200" ytl="50" xbr="230" ybr="130"/>
</track></annotations>"""


def test_cvat_export_becomes_ground_truth_samples(tmp_path):
    path = tmp_path / 'pk_01.xml'
    path.write_text(CVAT)
    player, keeper = parse_cvat_video(str(path), 'pk_01', 'videos/shooting/penalty_kick/pk_01.mp4',
                                      'Penalty-Kick', source='ucf101')
    assert player['sample_id'] == 'pk_01#player' and player['label'] == 3
    assert player['img_shape'] == (240, 320) and player['total_frames'] == 3
    assert player['valid_frames'].tolist() == [True, True, False]
    assert np.allclose(player['gt_actor_bboxes'][1], [52, 40, 82, 120])
    assert keeper['label_name'] == 'Goal-Saving' and keeper['valid_frames'].tolist() == [
        False, True, False]
    assert {o['category'] for o in player['gt_objects']} == {'ball', 'player', 'goalkeeper'}
    path.write_text('<annotations><meta><task><size>2</size></task></meta></annotations>')
    with pytest.raises(ValueError, match='CVAT for video 1.1'):
        parse_cvat_video(str(path), 'pk_01', 'x.mp4', 'Penalty-Kick')
