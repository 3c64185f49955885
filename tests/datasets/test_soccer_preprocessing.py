"""The preprocessing pipeline S1-S5 end to end on synthetic clips: randomly initialised mmdet and
mmpose models (no checkpoints), the ground-truth fast path, and per-clip failures."""
import json
import os
import os.path as osp
import shutil

import cv2
import numpy as np
import pytest
import torch

from thesiscv.datasets.soccer import load_annotations
from thesiscv.datasets.soccer_preprocessing import SoccerPreprocessor, VideoReadError, read_video
from thesiscv.datasets.soccer_preprocessing.cache import load_clip_cache, save_clip_cache
from thesiscv.datasets.soccer_preprocessing.detection import MaskRCNNDetector
from thesiscv.datasets.soccer_preprocessing.pose import TopdownPoseEstimator
from thesiscv.datasets.synthetic.soccer import generate

from ..conftest import ROOT

PRE = osp.join(ROOT, 'configs', 'emanet', 'preprocess')
DET_CFG = f"""_base_ = ['{PRE}/mask-rcnn_r50-fpn_coco-infer_soccer.py']
model = dict(test_cfg=dict(rpn=dict(nms_pre=100, max_per_img=20),
                           rcnn=dict(score_thr=0.0, max_per_img=6)))
test_pipeline = [
    dict(type='mmdet.LoadImageFromNDArray'),
    dict(type='mmdet.Resize', scale=(128, 96), keep_ratio=True),
    dict(type='mmdet.PackDetInputs', meta_keys=('img_id', 'ori_shape', 'img_shape',
                                                'scale_factor')),
]
"""
POSE_CFG = f"""_base_ = ['{PRE}/td-hm_hrnet-w32_coco-256x192-infer_soccer.py']
codec = dict(type='MSRAHeatmap', input_size=(64, 96), heatmap_size=(16, 24), sigma=2)
model = dict(head=dict(decoder=codec), test_cfg=dict(flip_test=False))
"""


@pytest.fixture(scope='module')
def data_root(tmp_path_factory):
    root = str(tmp_path_factory.mktemp('soccer_pre'))
    generate(root, seed=5, clips_per_class=1, max_frames=5)
    return root


def clip_video(root, clip_id):
    sample = next(s for s in load_annotations(osp.join(root, 'annotations',
                                                       'soccer_highlights_gt.pkl'))['annotations']
                  if s['clip_id'] == clip_id)
    return osp.join(root, sample['filename'])


def random_models(tmp_path):
    (tmp_path / 'det.py').write_text(DET_CFG)
    (tmp_path / 'pose.py').write_text(POSE_CFG)
    det = MaskRCNNDetector(str(tmp_path / 'det.py'), None, person_thr=0.0, ball_thr=0.0,
                           batch_size=5)
    with torch.no_grad():  # random weights biased towards the COCO person and sports-ball classes
        det.model.roi_head.bbox_head.fc_cls.bias[0] += 9.0
        det.model.roi_head.bbox_head.fc_cls.bias[32] += 7.0
    pose = TopdownPoseEstimator(str(tmp_path / 'pose.py'), None)
    pose.max_persons = 2
    return det, pose


def test_random_models_end_to_end_with_failures_reported(data_root, tmp_path):
    root = str(tmp_path / 'root')
    shutil.copytree(data_root, root)
    clips = ['stepover_0000', 'elastico_0001', 'penalty_kick_0003', 'free_kick_0005']
    with open(clip_video(root, 'elastico_0001'), 'wb') as f:
        f.write(b'not a video at all')
    frames = read_video(clip_video(root, 'penalty_kick_0003'))
    writer = cv2.VideoWriter(clip_video(root, 'penalty_kick_0003'),
                             cv2.VideoWriter_fourcc(*'mp4v'), 25, frames.shape[2:0:-1])
    for frame in frames[:2]:
        writer.write(frame)
    writer.release()
    det, pose = random_models(tmp_path)
    pre = SoccerPreprocessor(root, detector=det, pose_model=pose, clips=clips,
                             association=dict(use_gt=False, track_iou=0.0, kpt_box='input'))
    stats = pre.run(['det', 'pose', 'associate', 'energy'])
    det_failures = pre.failures['det']
    assert set(det_failures) == {'elastico_0001', 'penalty_kick_0003'}
    assert 'elastico_0001.mp4' in det_failures['elastico_0001']
    assert 'truncated, decoded 2 of' in det_failures['penalty_kick_0003']
    for clip in ('stepover_0000', 'free_kick_0005'):
        cache = load_clip_cache(osp.join(root, 'preprocessed', 'det', f'{clip}.pkl'), 'det')
        labels = np.concatenate([f['labels'] for f in cache['frames']])
        assert len(cache['frames']) == 5 and set(labels) <= {0, 32} and (labels == 0).any()
    assert stats['det']['frames'] == 10 and stats['det']['fps'] > 0
    done = {s['sample_id'] for s in load_annotations(
        osp.join(root, 'annotations', 'soccer_highlights_emanet.pkl'))['annotations']}
    assert {'stepover_0000#player', 'free_kick_0005#player'} <= done
    assert 'elastico_0001#player' not in done and 'elastico_0001#player' in pre.failures[
        'associate']
    assert osp.isfile(osp.join(root, 'energy', 'translation', 'stepover_0000__player.png'))
    # resumable: a second run skips the cached clips and only retries the failed ones
    again = SoccerPreprocessor(root, detector=det, pose_model=pose, clips=clips).run(['det'])
    assert again['det']['frames'] == 0


def test_ground_truth_fast_path_and_a_clip_without_player(data_root, tmp_path):
    root = str(tmp_path / 'root')
    shutil.copytree(data_root, root)
    path = osp.join(root, 'preprocessed', 'gt_det', 'chop_0002.pkl')
    cache = load_clip_cache(path, 'det')
    for frame in cache['frames']:  # nobody detected in this clip
        keep = frame['labels'] != 0
        frame.update(bboxes=frame['bboxes'][keep], scores=frame['scores'][keep],
                     labels=frame['labels'][keep],
                     masks=[m for m, k in zip(frame['masks'], keep) if k])
    save_clip_cache(path, cache)
    pre = SoccerPreprocessor(root, det_dir='preprocessed/gt_det',
                             pose_dir='preprocessed/gt_pose_coco17',
                             association=dict(kpt_box='input'), energy_modes=('affine',))
    pre.run(['associate', 'energy'])
    assert list(pre.failures['associate']) == ['chop_0002#player']
    assert 'clip chop_0002: no player detection' in pre.failures['associate']['chop_0002#player']
    samples = load_annotations(osp.join(root, 'annotations',
                                        'soccer_highlights_emanet.pkl'))['annotations']
    assert len(samples) == 6 + 3 - 1
    player = next(s for s in samples if s['sample_id'] == 'goal_0004#player')
    assert np.allclose(player['det_bboxes'], player['gt_actor_bboxes'], equal_nan=True)
    assert player['registration']['affine']['triples'][0] == 'reference'
    assert len(os.listdir(osp.join(root, 'energy', 'affine'))) == 8


def test_missing_checkpoint_and_corrupt_video_messages(data_root, tmp_path):
    with pytest.raises(FileNotFoundError, match='missing_coco.pth'):
        MaskRCNNDetector(osp.join(PRE, 'mask-rcnn_r50-fpn_coco-infer_soccer.py'),
                         str(tmp_path / 'missing_coco.pth'))
    bad = tmp_path / 'broken.mp4'
    bad.write_bytes(b'\x00' * 100)
    with pytest.raises(VideoReadError, match='broken.mp4'):
        read_video(str(bad))
    with pytest.raises(VideoReadError, match='no such video'):
        read_video(str(tmp_path / 'absent.mp4'))


def test_openpose_json_import(tmp_path):
    from thesiscv.datasets.soccer_preprocessing.openpose import read_openpose_clip
    person = np.zeros((25, 3))
    person[8] = [50, 60, 0.9]  # MidHip
    person[1] = [50, 20, 0.8]  # Neck
    person[11] = [55, 100, 0.05]  # RAnkle below the confidence threshold
    (tmp_path / 'clip_000000000001_keypoints.json').write_text(
        json.dumps(dict(people=[dict(pose_keypoints_2d=person.ravel().tolist())])))
    cache = read_openpose_clip(str(tmp_path), num_frames=3)
    assert [len(f['bboxes']) for f in cache['frames']] == [0, 1, 0]
    assert np.allclose(cache['frames'][1]['bboxes'][0], [50, 20, 50, 60])
    assert cache['frames'][1]['keypoints'].shape == (1, 25, 2)
    with pytest.raises(FileNotFoundError, match='OpenPose'):
        read_openpose_clip(str(tmp_path / 'none'), 3)
