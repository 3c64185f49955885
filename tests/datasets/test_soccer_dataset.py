"""The synthetic soccer generator writes the real format; the real loaders read it back."""
import json
import os.path as osp

import numpy as np
import pytest
from mmengine.config import Config

from thesiscv.datasets.soccer import TASK_CLASSES, load_annotations
from thesiscv.datasets.soccer_preprocessing.masks import decode_masks
from thesiscv.datasets.synthetic.soccer import generate
from thesiscv.registry import DATASETS

from ..conftest import ROOT

SYNTHETIC_CFG = osp.join(ROOT, 'configs', 'emanet', 'soccer_synthetic.py')


@pytest.fixture(scope='module')
def data_root(tmp_path_factory):
    root = str(tmp_path_factory.mktemp('soccer'))
    generate(root, seed=3, clips_per_class=2, max_frames=12)
    return root


def dataset(root, subset='train', task='all', pipeline=None, split=0, **kwargs):
    return DATASETS.build(dict(type='SoccerHighlightDataset', data_root=root, task=task,
                               split=split, subset=subset, pipeline=pipeline or [], **kwargs))


def test_annotations_and_splits(data_root):
    samples = load_annotations(osp.join(data_root, 'annotations',
                                        'soccer_highlights_emanet.pkl'))['annotations']
    players = [s for s in samples if s['actor_role'] == 'player']
    keepers = [s for s in samples if s['actor_role'] == 'goalkeeper']
    assert len(players) == 12 and len(keepers) == 6
    sizes = {sub: len(dataset(data_root, sub)) for sub in ('train', 'val', 'test')}
    assert sizes == dict(train=9, val=1, test=2) and sum(sizes.values()) == 12
    with open(osp.join(data_root, 'annotations', 'splits', 'shooting_gk_split0.json')) as f:
        split = json.load(f)
    for subset, ids in split.items():  # a goalkeeper sample follows its clip
        clips = {i.split('#')[0] for i in ids}
        assert all(f'{c}#player' in ids and f'{c}#goalkeeper' in ids for c in clips)
    train = dataset(data_root, task='shooting_gk')
    assert train.metainfo['classes'] == TASK_CLASSES['shooting_gk']
    for info in train:
        assert train.metainfo['classes'][info['label']] == info['label_name']
    assert {info['label_name'] for info in train} >= {'Goal-Saving'}


def test_machine_annotations_match_the_rendered_player(data_root):
    sample = dataset(data_root, 'test')[0]
    frames = np.flatnonzero(sample['valid_frames'])
    masks = decode_masks(sample, frames, with_ball=False)
    assert masks.any((1, 2)).all()
    boxes = sample['det_bboxes'][frames]
    assert np.allclose(boxes, sample['gt_actor_bboxes'][frames])  # the GT fast path
    kpts = sample['keypoint'][0][frames]
    inside = ((kpts >= boxes[:, None, :2] - 1) & (kpts <= boxes[:, None, 2:] + 1)).all(-1)
    assert inside.mean() > 0.95


def test_pipeline_packs_inputs_and_the_cache_matches_the_computation(data_root):
    cfg = Config.fromfile(SYNTHETIC_CFG)
    train = dataset(data_root, pipeline=cfg.train_pipeline)
    item = train[0]
    assert item['inputs']['energy'].shape == (1, 32, 32)
    assert item['inputs']['masks'].shape == (8, 1, 32, 32)
    assert 0 <= float(item['inputs']['masks'].min()) and float(item['inputs']['masks'].max()) <= 1
    cached = dataset(data_root, 'test', pipeline=cfg.test_pipeline)[0]['inputs']['energy']
    steps = [dict(s, use_cache=False) if s['type'] == 'EnergyImageTransform' else s
             for s in cfg.test_pipeline]
    computed = dataset(data_root, 'test', pipeline=steps)[0]['inputs']['energy']
    assert np.abs((cached - computed).numpy()).max() < 1e-3


def test_missing_split_and_cache_give_clear_errors(data_root, tmp_path):
    with pytest.raises(FileNotFoundError, match='make_splits.py'):
        dataset(data_root, split=7)
    cfg = Config.fromfile(SYNTHETIC_CFG)
    broken = dataset(data_root, 'test', pipeline=cfg.test_pipeline, registration_mode='affine')
    with pytest.raises(FileNotFoundError, match='energy/affine'):
        broken[0]


def test_baseline_formats_read_by_mmaction(data_root):
    videos = DATASETS.build(dict(
        type='mmaction.VideoDataset', data_root=data_root,
        ann_file='annotations/video_lists/all_split0_test.txt',
        pipeline=[dict(type='OpenCVInit'), dict(type='UniformSample', clip_len=4),
                  dict(type='OpenCVDecode'), dict(type='FormatShape', input_format='NCTHW'),
                  dict(type='PackActionInputs')]))
    assert len(videos) == 2 and videos[0]['inputs'].shape[:3] == (1, 3, 4)
    poses = DATASETS.build(dict(
        type='mmaction.PoseDataset', data_root=data_root,
        ann_file=osp.join(data_root, 'annotations', 'skeleton_shooting.pkl'),
        split='split0_train', pipeline=[]))
    item = poses[0]
    assert item['keypoint'].shape[0] == 1 and item['keypoint'].shape[2:] == (17, 2)
    assert item['label'] in (0, 1, 2) and not np.isnan(item['keypoint']).any()
