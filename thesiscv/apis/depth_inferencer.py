"""Monocular depth inference with a trained monoindoor model (MonoIndoor++ / Monodepth2).

``DepthInferencer(config, checkpoint)(source, out_dir)`` reads an image file, a folder of
images, a video file or ``(H, W, 3)`` RGB arrays, resizes each frame to the model's training
size, predicts depth (``D = S d`` with depth factorization, else the fixed-range mapping) and
upsamples it to the frame's size. With ``out_dir`` it writes ``<name>.npy`` (float32 depth) and
``<name>_depth.png`` (colorized, near = bright). Self-supervised depth is defined up to scale.
"""
import glob
import os
import os.path as osp
from typing import Iterator, List, Optional, Sequence, Tuple, Union

import cv2
import numpy as np
import torch
from mmengine.structures import BaseDataElement

from thesiscv.datasets.transforms.frame_loading import read_rgb
from thesiscv.registry import INFERENCERS
from thesiscv.visualization.depth_visualizer import colorize
from .inference import init_model

IMAGE_EXTS = ('.jpg', '.jpeg', '.png', '.ppm', '.bmp', '.tif', '.tiff')
VIDEO_EXTS = ('.mp4', '.avi', '.mov', '.mkv', '.webm')


def iter_frames(source: Union[str, np.ndarray, Sequence[np.ndarray]]
                ) -> Iterator[Tuple[str, np.ndarray]]:
    """``(name, RGB frame)`` pairs from a file, a folder, a video or arrays."""
    if isinstance(source, np.ndarray):
        source = [source]
    if not isinstance(source, str):
        for i, frame in enumerate(source):
            yield f'{i:06d}', np.asarray(frame)
        return
    if osp.isdir(source):
        paths = sorted(p for p in glob.glob(osp.join(source, '*'))
                       if p.lower().endswith(IMAGE_EXTS))
        if not paths:
            raise FileNotFoundError(f'no images ({", ".join(IMAGE_EXTS)}) in folder {source}')
        for path in paths:
            yield osp.splitext(osp.basename(path))[0], read_rgb(path)
    elif source.lower().endswith(VIDEO_EXTS):
        yield from iter_video(source)
    else:
        yield osp.splitext(osp.basename(source))[0], read_rgb(source)


def iter_video(path: str) -> Iterator[Tuple[str, np.ndarray]]:
    """Decode a video with OpenCV; frames are named ``<video>_<index>``."""
    if not osp.isfile(path):
        raise FileNotFoundError(f'video {path} does not exist')
    stem = osp.splitext(osp.basename(path))[0]
    capture = cv2.VideoCapture(path)
    index = 0
    try:
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            yield f'{stem}_{index:06d}', frame[..., ::-1].copy()
            index += 1
    finally:
        capture.release()
    if index == 0:
        raise OSError(f'cannot decode any frame of video {path}: the file is corrupt or its '
                      'codec is not supported by OpenCV')


@INFERENCERS.register_module()
class DepthInferencer:
    """Depth maps from a config and a checkpoint.

    Args:
        config: config file of the model.
        checkpoint: checkpoint path / URL / zoo name (None: initial weights).
        device: ``'cpu'`` or ``'cuda'``.
        input_size: network input ``(H, W)``; default the model's training size.
    """

    def __init__(self, config: str, checkpoint: Optional[str] = None, device: str = 'cpu',
                 input_size: Optional[Tuple[int, int]] = None):
        self.model = init_model(config, checkpoint, device)
        self.input_size = tuple(input_size or self.model.input_size)

    @torch.no_grad()
    def predict(self, frames: Sequence[np.ndarray]) -> List[np.ndarray]:
        """``(H, W, 3)`` uint8 RGB frames -> ``(H, W)`` float32 depth maps."""
        h, w = self.input_size
        imgs = [torch.from_numpy(cv2.resize(np.ascontiguousarray(f), (w, h),
                                            interpolation=cv2.INTER_AREA)).permute(2, 0, 1)[None]
                for f in frames]
        K = torch.tensor([[0.8, 0, 0.5, 0], [0, 0.8 * w / h, 0.5, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
        samples = [BaseDataElement(metainfo=dict(ori_shape=f.shape[:2])) for f in frames]
        data = self.model.data_preprocessor(
            dict(inputs=dict(img=imgs, K=[K] * len(imgs)), data_samples=samples), False)
        out = self.model.predict(data['inputs'], data['data_samples'])
        return [s.pred_depth.cpu().numpy().astype(np.float32) for s in out]

    def __call__(self, source: Union[str, np.ndarray, Sequence[np.ndarray]],
                 out_dir: Optional[str] = None, batch_size: int = 4) -> List[dict]:
        """Predict every frame of ``source``; returns ``dict(name, depth)`` per frame."""
        if out_dir:
            os.makedirs(out_dir, exist_ok=True)
        results, batch = [], []
        frames = iter_frames(source)
        while True:
            item = next(frames, None)
            if item is not None:
                batch.append(item)
            if batch and (item is None or len(batch) == batch_size):
                depths = self.predict([f for _, f in batch])
                for (name, _), depth in zip(batch, depths):
                    results.append(dict(name=name, depth=depth))
                    if out_dir:
                        self.save(out_dir, name, depth)
                batch = []
            if item is None:
                return results

    @staticmethod
    def save(out_dir: str, name: str, depth: np.ndarray) -> None:
        """Write ``<name>.npy`` and the colorized ``<name>_depth.png``."""
        np.save(osp.join(out_dir, f'{name}.npy'), depth)
        vmin, vmax = np.percentile(depth, 1), np.percentile(depth, 99)
        cv2.imwrite(osp.join(out_dir, f'{name}_depth.png'),
                    colorize(depth, vmin, vmax)[..., ::-1])
