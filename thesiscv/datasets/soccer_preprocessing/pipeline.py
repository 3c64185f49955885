"""The EMA-Net preprocessing pipeline S1-S5 over a soccer data root, stage by stage (spec §2).

Stages (each cached on disk and resumable: a clip whose output exists is skipped):

* ``det``: Mask R-CNN persons and balls with masks -> ``preprocessed/det/<clip>.pkl``;
* ``pose``: COCO-17 keypoints of the detected persons -> ``preprocessed/pose_coco17/<clip>.pkl``;
* ``body25``: Halpe-26 keypoints as BODY_25 (the OpenPose stand-in) ->
  ``preprocessed/pose_body25/<clip>.pkl`` (or import OpenPose JSON with
  tools/data/soccer/import_openpose.py);
* ``associate``: the player of interest of every ground-truth sample -> the annotation file
  ``annotations/soccer_highlights_emanet.pkl`` (ground truth + machine annotations);
* ``energy``: registration (Algorithm 1) and energy images ->
  ``energy/<mode>/<sample>.png`` per registration mode.

The detection and pose directories are options: pointing them at ``preprocessed/gt_det`` and
``preprocessed/gt_pose_coco17`` (written by the synthetic generator, or by a converter from
annotated masks and points) is the **ground-truth fast path** that needs no model weights.
A clip that fails (unreadable or truncated video, missing cache, no detected player) is reported
with its name and the reason, listed in ``preprocessed/failures.json``, and the other clips are
processed; nothing is dropped silently.
"""
import json
import os
import os.path as osp
import time
from collections import OrderedDict
from typing import Dict, Iterable, Optional, Sequence

import numpy as np
from mmengine.logging import print_log
from mmengine.utils import ProgressBar

from ..soccer import ANN_FILE, GT_FILE, load_annotations, sample_file_name, save_annotations
from .association import PERSON, associate
from .cache import load_clip_cache, save_clip_cache
from .energy import sample_energy_image, save_energy_png
from .video import VideoReader

STAGES = ('det', 'pose', 'body25', 'associate', 'energy')


class SoccerPreprocessor:
    """Run the preprocessing stages over the clips of ``data_root``.

    Args:
        data_root: the data set folder (spec §3.5 layout).
        gt_file: ground-truth annotation pickle (relative to data_root).
        ann_file: output annotation pickle of ``associate`` / input of ``energy``.
        det_dir, pose_dir, body25_dir: cache folders (relative); ``body25_dir=None`` uses
            COCO-17 keypoints only.
        detector: ``dict(config=..., checkpoint=..., person_thr=0.5, ball_thr=0.4,
            batch_size=4)`` for the ``det`` stage, or a built
            :class:`~.detection.MaskRCNNDetector`.
        pose_model, body25_model: ``dict(config=..., checkpoint=..., batch_size=32)`` and
            ``max_persons`` (persons per frame, highest scores first) for ``pose`` / ``body25``,
            or a built :class:`~.pose.TopdownPoseEstimator`.
        association: keyword arguments of :func:`~.association.associate`.
        energy_modes: registration modes whose energy images the ``energy`` stage writes.
        energy_size: side of the cached energy images.
        energy_cfg: keyword arguments of :func:`~.energy.sample_energy_image`.
        device: torch device of the models.
        video_backend: ``'opencv'`` or ``'pyav'``.
        resume: skip clips whose output exists.
        clips: process only these clip ids (default: all).
    """

    def __init__(self, data_root: str, gt_file: str = GT_FILE, ann_file: str = ANN_FILE,
                 det_dir: str = 'preprocessed/det', pose_dir: str = 'preprocessed/pose_coco17',
                 body25_dir: Optional[str] = None, detector: Optional[dict] = None,
                 pose_model: Optional[dict] = None, body25_model: Optional[dict] = None,
                 association: Optional[dict] = None,
                 energy_modes: Sequence[str] = ('translation',), energy_size: int = 224,
                 energy_cfg: Optional[dict] = None, device: str = 'cpu',
                 video_backend: str = 'opencv', resume: bool = True,
                 clips: Optional[Iterable[str]] = None):
        self.root = data_root
        self.gt_file, self.ann_file = osp.join(data_root, gt_file), osp.join(data_root, ann_file)
        self.dirs = dict(det=det_dir, pose=pose_dir, body25=body25_dir)
        self.models = dict(det=detector, pose=pose_model, body25=body25_model)
        self.association = association or {}
        self.energy_modes, self.energy_size = tuple(energy_modes), energy_size
        self.energy_cfg = energy_cfg or {}
        self.device, self.video_backend, self.resume = device, video_backend, resume
        self.clips = set(clips) if clips is not None else None
        self.failures: Dict[str, Dict[str, str]] = OrderedDict()
        self.stats: Dict[str, dict] = OrderedDict()

    # ------------------------------------------------------------------ helpers
    def _cache(self, stage: str, clip_id: str) -> str:
        if self.dirs[stage] is None:
            raise ValueError(f'stage {stage!r} has no cache folder configured')
        return osp.join(self.root, self.dirs[stage], f'{clip_id}.pkl')

    def _fail(self, stage: str, name: str, err: Exception) -> None:
        message = f'{type(err).__name__}: {err}'
        self.failures.setdefault(stage, OrderedDict())[name] = message
        print_log(f'[{stage}] {name} FAILED: {message}', logger='current', level=30)

    def _clip_samples(self) -> 'OrderedDict[str, dict]':
        """One ground-truth sample per clip (for its video file and frame count)."""
        clips = OrderedDict()
        for s in load_annotations(self.gt_file)['annotations']:
            if self.clips is None or s['clip_id'] in self.clips:
                clips.setdefault(s['clip_id'], s)
        return clips

    def _write_failures(self, stages: Sequence[str]) -> None:
        """Record this run's failures of ``stages`` in ``preprocessed/failures.json``."""
        path = osp.join(self.root, 'preprocessed', 'failures.json')
        record = {}
        if osp.isfile(path):
            with open(path) as f:
                record = json.load(f)
        for stage in stages:
            record[stage] = self.failures.get(stage, {})
        os.makedirs(osp.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            json.dump(record, f, indent=1)

    def _model(self, stage: str) -> tuple:
        """The stage's model (built from its config dict, or given built) and max persons."""
        spec = self.models[stage]
        if spec is not None and not isinstance(spec, dict):
            return spec, getattr(spec, 'max_persons', None)
        cfg = dict(spec or {})
        if 'config' not in cfg:
            raise KeyError(f'stage {stage!r} needs a model: pass {stage}=dict(config=..., '
                           'checkpoint=...) (tools/data/soccer/preprocess.py --det-config / '
                           '--pose-config / --body25-config)')
        max_persons = cfg.pop('max_persons', None)
        if stage == 'det':
            from .detection import MaskRCNNDetector
            return MaskRCNNDetector(device=self.device, **cfg), max_persons
        from .pose import TopdownPoseEstimator
        layout = 'coco17' if stage == 'pose' else 'halpe26'
        return TopdownPoseEstimator(device=self.device, layout=layout, **cfg), max_persons

    # ------------------------------------------------------------------ stages
    def _run_model_stage(self, stage: str) -> None:
        """``det``, ``pose`` or ``body25``: read each clip's video and run the model."""
        model, max_persons = self._model(stage)
        batch = getattr(model, 'batch_size', 4) if stage == 'det' else 16  # frames per read
        frames_done, seconds = 0, 0.0
        clips = self._clip_samples()
        bar = ProgressBar(len(clips))
        for clip_id, sample in clips.items():
            out = self._cache(stage, clip_id)
            if self.resume and osp.isfile(out):
                bar.update()
                continue
            try:
                det = None if stage == 'det' else load_clip_cache(self._cache('det', clip_id),
                                                                  'det')
                reader = VideoReader(osp.join(self.root, sample['filename']),
                                     sample.get('total_frames'), self.video_backend)
                results, start = [], time.perf_counter()
                for frames in reader.batches(batch):
                    if det is None:
                        results += model(frames)
                    else:
                        dets = det['frames'][len(results):len(results) + len(frames)]
                        results += model(frames, [_persons(d, max_persons) for d in dets])
                clip_seconds = time.perf_counter() - start
                seconds += clip_seconds
                frames_done += len(results)
                save_clip_cache(out, dict(num_frames=len(results),
                                          img_shape=tuple(frames.shape[1:3]),
                                          source=type(model).__name__, seconds=clip_seconds,
                                          frames=results))
            except Exception as err:  # reported per clip; the other clips go on
                self._fail(stage, clip_id, err)
            bar.update()
        print()
        self.stats[stage] = dict(frames=frames_done, seconds=seconds,
                                 fps=frames_done / seconds if seconds else None)

    def _associate(self) -> None:
        gt = load_annotations(self.gt_file)
        samples, start = [], time.perf_counter()
        for sample in gt['annotations']:
            if self.clips is not None and sample['clip_id'] not in self.clips:
                continue
            try:
                clip = sample['clip_id']
                caches = {k: load_clip_cache(self._cache(k, clip), k) if self.dirs[k] else None
                          for k in ('det', 'pose', 'body25')}
                samples.append(dict(sample, **associate(sample, caches['det'], caches['pose'],
                                                        caches['body25'], **self.association)))
            except Exception as err:  # reported per sample; the others go on
                self._fail('associate', sample['sample_id'], err)
        save_annotations(self.ann_file, samples, gt.get('split'))
        seconds = time.perf_counter() - start
        frames = sum(s['total_frames'] for s in samples)
        self.stats['associate'] = dict(frames=frames, seconds=seconds,
                                       fps=frames / seconds if seconds else None,
                                       samples=len(samples))

    def _energy(self) -> None:
        data = load_annotations(self.ann_file)
        samples = [s for s in data['annotations']
                   if self.clips is None or s['clip_id'] in self.clips]
        frames, seconds, unregistered = 0, 0.0, []
        bar = ProgressBar(len(samples) * len(self.energy_modes))
        for mode in self.energy_modes:
            for sample in samples:
                path = osp.join(self.root, 'energy', mode,
                                f'{sample_file_name(sample["sample_id"])}.png')
                if self.resume and osp.isfile(path) and mode in sample.get('registration', {}):
                    bar.update()
                    continue
                try:
                    start = time.perf_counter()
                    energy = sample_energy_image(sample, mode, self.energy_size,
                                                 **self.energy_cfg)
                    save_energy_png(path, energy.image)
                    seconds += time.perf_counter() - start
                    frames += energy.num_frames
                    reg = energy.registration
                    sample.setdefault('registration', {})[mode] = dict(
                        ref_frame=reg.ref_frame, triples=reg.triples,
                        affine=reg.affines.astype(np.float32), registered=energy.registered,
                        num_frames=energy.num_frames)
                    if not energy.registered and mode != 'none':
                        unregistered.append(sample['sample_id'])
                except Exception as err:  # reported per sample; the others go on
                    self._fail('energy', sample['sample_id'], err)
                bar.update()
        print()
        save_annotations(self.ann_file, data['annotations'], data.get('split'))
        if unregistered:
            print_log(f'[energy] {len(unregistered)} samples had no registrable frame and were '
                      f'averaged unregistered, e.g. {unregistered[:5]}', logger='current',
                      level=30)
        self.stats['energy'] = dict(frames=frames, seconds=seconds,
                                    fps=frames / seconds if seconds else None,
                                    unregistered=len(unregistered))

    def run(self, stages: Sequence[str] = STAGES) -> Dict[str, dict]:
        """Run ``stages`` in order; returns per-stage ``dict(frames, seconds, fps)``.

        Failures are in :attr:`failures` (``{stage: {clip or sample: reason}}``) and
        ``preprocessed/failures.json``.
        """
        unknown = [s for s in stages if s not in STAGES]
        if unknown:
            raise KeyError(f'unknown preprocessing stages {unknown}; choose from {STAGES}')
        for stage in stages:
            print_log(f'[{stage}] running on {self.root}', logger='current')
            if stage == 'associate':
                self._associate()
            elif stage == 'energy':
                self._energy()
            else:
                self._run_model_stage(stage)
            failed = len(self.failures.get(stage, {}))
            fps = self.stats[stage].get('fps')
            print_log(f'[{stage}] done: {self.stats[stage]["frames"]} frames'
                      + (f', {fps:.1f} frames/s' if fps else '') + f', {failed} failed',
                      logger='current')
        self._write_failures(stages)
        return self.stats


def _persons(frame_det: dict, max_persons: Optional[int]) -> np.ndarray:
    """Person boxes of one frame's detections, highest scores first (at most ``max_persons``)."""
    idx = np.flatnonzero(np.asarray(frame_det['labels']) == PERSON)
    idx = idx[np.argsort(-np.asarray(frame_det['scores'])[idx], kind='stable')][:max_persons]
    return np.asarray(frame_det['bboxes'], np.float32).reshape(-1, 4)[idx]

