"""Soccer action inference with EMA-Net: a clip in, the player's fine-grained action out.

``ActionInferencer(config, checkpoint, det_config=..., pose_config=...)(video)`` runs the whole
chapter-2 pipeline on one clip: Mask R-CNN persons and balls (S1), top-down keypoints (S2),
player-of-interest tracking from a given box or the most prominent person (S3), registration
and the energy image (S4-S5, computed on the fly), the per-frame mask crops, and the model
(S6-S9). With ``annotation`` (a sample of a preprocessed annotation file) S1-S3 are skipped:
the ground-truth fast path. Returns the predicted class, the class scores and the model inputs;
:meth:`ActionInferencer.write` saves a JSON, a picture of the inputs and an overlay video.
"""
import json
import os
import os.path as osp
from typing import Dict, Optional, Sequence

import cv2
import numpy as np
import torch
from mmengine.dataset import Compose, pseudo_collate

from thesiscv.datasets.soccer_preprocessing.association import associate
from thesiscv.datasets.soccer_preprocessing.video import read_video
from thesiscv.registry import INFERENCERS, TRANSFORMS
from thesiscv.visualization.action_visualizer import ActionVisualizer
from .inference import init_model


@INFERENCERS.register_module()
class ActionInferencer:
    """EMA-Net inference on soccer clips.

    Args:
        config, checkpoint: the EMA-Net config and trained checkpoint (local path, URL, zoo name).
        det_config, det_checkpoint: the Mask R-CNN config and COCO weights (S1); needed unless
            every call passes an ``annotation``.
        pose_config, pose_checkpoint: the COCO-17 top-down pose model (S2), likewise.
        device: torch device.
        person_thr, ball_thr: detection thresholds (thesis 0.5 / 0.4).
        max_persons: persons per frame given to the pose model.
    """

    def __init__(self, config: str, checkpoint: Optional[str], det_config: Optional[str] = None,
                 det_checkpoint: Optional[str] = None, pose_config: Optional[str] = None,
                 pose_checkpoint: Optional[str] = None, device: str = 'cpu',
                 person_thr: float = 0.5, ball_thr: float = 0.4, max_persons: int = 5):
        self.model = init_model(config, checkpoint, device)
        cfg = self.model.cfg
        dataset = cfg.test_dataloader.dataset
        meta = getattr(self.model, 'dataset_meta', None) or {}
        self.classes = tuple(meta.get('classes') or [])
        if not self.classes:
            from thesiscv.datasets.soccer import TASK_CLASSES
            self.classes = TASK_CLASSES[dataset.get('task', 'all')]
        steps = []
        for step in dataset.pipeline:
            step = dict(step)
            if step['type'] == 'EnergyImageTransform':
                step.update(use_cache=False, mode=step.get('mode') or dataset.get(
                    'registration_mode', 'translation'))
            steps.append(TRANSFORMS.build(step))
        self.pipeline = Compose(steps)
        self.detector = self.pose = None
        if det_config is not None:
            from thesiscv.datasets.soccer_preprocessing.detection import MaskRCNNDetector
            self.detector = MaskRCNNDetector(det_config, det_checkpoint, device, person_thr,
                                             ball_thr)
        if pose_config is not None:
            from thesiscv.datasets.soccer_preprocessing.pose import TopdownPoseEstimator
            self.pose = TopdownPoseEstimator(pose_config, pose_checkpoint, device)
        self.max_persons, self.device = max_persons, device

    def _sample(self, video: str, player_box: Optional[Sequence[float]]) -> dict:
        """S1-S3 on a clip: the player-of-interest sample (spec §3.6 keys)."""
        if self.detector is None or self.pose is None:
            raise ValueError('ActionInferencer needs det_config and pose_config to run S1-S3 on '
                             f'{video}, or an annotation of the clip (ground-truth fast path)')
        frames = read_video(video)
        n = len(frames)
        det = dict(img_shape=frames.shape[1:3], frames=[])
        for start in range(0, n, self.detector.batch_size):
            det['frames'] += self.detector(frames[start:start + self.detector.batch_size])
        persons = [np.asarray(f['bboxes'])[np.asarray(f['labels']) == 0][:self.max_persons]
                   for f in det['frames']]
        pose = dict(frames=self.pose(frames, persons))
        gt = np.full((n, 4), np.nan, np.float32)
        if player_box is not None:
            gt[0] = player_box
        sample = dict(sample_id=osp.splitext(osp.basename(video))[0] + '#player',
                      clip_id=osp.splitext(osp.basename(video))[0], total_frames=n,
                      img_shape=tuple(frames.shape[1:3]), task='shooting', gt_actor_bboxes=gt,
                      valid_frames=np.ones(n, bool), actor_role='player')
        sample.update(associate(sample, det, pose, use_gt=False, kpt_box='input'))
        return sample

    @torch.no_grad()
    def __call__(self, video: str, annotation: Optional[dict] = None,
                 player_box: Optional[Sequence[float]] = None) -> Dict:
        """Classify one clip.

        Args:
            video: the clip file.
            annotation: its preprocessed sample (skips S1-S3), or None.
            player_box: xyxy box of the player of interest in the first frame (default: the
                highest-scoring person nearest the frame centre).

        Returns:
            ``dict(video, label, label_name, scores={class: probability}, inputs, sample)``.
        """
        sample = dict(annotation) if annotation is not None else self._sample(video, player_box)
        sample.setdefault('data_root', '')
        data = self.pipeline(dict(sample, label=None))
        batch = pseudo_collate([data])
        pred = self.model.test_step(batch)[0]
        scores = pred.pred_score.cpu().numpy()
        label = int(scores.argmax())
        return dict(video=video, label=label, label_name=self.classes[label],
                    scores={c: float(s) for c, s in zip(self.classes, scores)},
                    inputs=data['inputs'], prediction=pred, sample=sample)

    def write(self, result: Dict, out_dir: str, overlay: bool = True) -> Dict[str, str]:
        """Save ``<clip>.json``, ``<clip>_inputs.png`` and (``overlay``) ``<clip>_overlay.mp4``."""
        os.makedirs(out_dir, exist_ok=True)
        stem = osp.splitext(osp.basename(result['video']))[0]
        paths = dict(json=osp.join(out_dir, f'{stem}.json'),
                     inputs=osp.join(out_dir, f'{stem}_inputs.png'))
        with open(paths['json'], 'w') as f:
            json.dump({k: result[k] for k in ('video', 'label', 'label_name', 'scores')}, f,
                      indent=1)
        vis = ActionVisualizer.get_instance('action_inferencer', vis_backends=None)
        vis.dataset_meta = dict(classes=self.classes)
        vis.add_datasample(stem, result['inputs'], result['prediction'], out_file=paths['inputs'])
        if overlay:
            paths['overlay'] = osp.join(out_dir, f'{stem}_overlay.mp4')
            write_overlay(result, paths['overlay'])
        return paths


def write_overlay(result: Dict, path: str) -> None:
    """The clip with the player box, its mask tinted and the predicted action written on it."""
    frames = read_video(result['video'])
    sample = result['sample']
    from thesiscv.datasets.soccer_preprocessing.masks import decode_masks
    masks = decode_masks(sample, np.arange(len(frames))) if 'player_masks' in sample else None
    text = f'{result["label_name"]} {result["scores"][result["label_name"]]:.2f}'
    h, w = frames.shape[1:3]
    writer = cv2.VideoWriter(path, cv2.VideoWriter_fourcc(*'mp4v'), 25, (w, h))
    for j, frame in enumerate(frames):
        frame = frame.copy()
        if masks is not None:
            frame[masks[j] > 0] = (0.5 * frame[masks[j] > 0] + [0, 90, 0]).astype(np.uint8)
        box = np.asarray(sample.get('det_bboxes', np.full((len(frames), 4), np.nan)))[j]
        if np.isfinite(box).all():
            cv2.rectangle(frame, tuple(int(v) for v in box[:2]), tuple(int(v) for v in box[2:]),
                          (0, 255, 255), 1)
        cv2.putText(frame, text, (4, 14), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (255, 255, 255), 1)
        writer.write(frame)
    writer.release()
