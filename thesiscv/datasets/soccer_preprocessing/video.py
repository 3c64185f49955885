"""Reading soccer clips with OpenCV (or PyAV), with errors that name the clip.

A missing file, a file no decoder opens, a video without decodable frames, and a truncated
video (fewer frames decode than its container or annotation announces) each raise
:class:`VideoReadError` with the path and the reason, so the preprocessing pipeline can report
that clip and carry on with the others.
"""
import os.path as osp
from typing import Iterator, Optional

import cv2
import numpy as np


class VideoReadError(RuntimeError):
    """A video cannot be read completely; the message names the file."""


def _opencv_frames(path: str) -> tuple:
    cap = cv2.VideoCapture(path)
    if not cap.isOpened():
        raise VideoReadError(f'{path}: OpenCV cannot open it (not a video, or corrupt)')
    announced = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))

    def frames():
        try:
            while True:
                ok, frame = cap.read()
                if not ok:
                    return
                yield frame
        finally:
            cap.release()
    return frames(), announced


def _pyav_frames(path: str) -> tuple:
    import av
    try:
        container = av.open(path)
    except av.error.FFmpegError as err:
        raise VideoReadError(f'{path}: PyAV cannot open it ({err})') from None
    stream = container.streams.video[0]

    def frames():
        try:
            for frame in container.decode(stream):
                yield frame.to_ndarray(format='bgr24')
        except av.error.FFmpegError as err:
            raise VideoReadError(f'{path}: decoding failed ({err})') from None
        finally:
            container.close()
    return frames(), stream.frames


class VideoReader:
    """Iterate over a clip's frames (BGR ``(H, W, 3)`` uint8) in batches.

    Args:
        path: the video file.
        expected_frames: frames the annotation announces (``total_frames``); fewer decoded
            frames raise a truncation error. Default: the container's frame count.
        backend: ``'opencv'`` or ``'pyav'``.
    """

    def __init__(self, path: str, expected_frames: Optional[int] = None,
                 backend: str = 'opencv'):
        if not osp.isfile(path):
            raise VideoReadError(f'{path}: no such video file (check data_root and the '
                                 'annotation\'s "filename")')
        if backend not in ('opencv', 'pyav'):
            raise ValueError(f'video backend must be "opencv" or "pyav", got {backend!r}')
        self.path = path
        self._frames, announced = (_opencv_frames if backend == 'opencv' else _pyav_frames)(path)
        self.num_frames = expected_frames or announced

    def batches(self, size: int) -> Iterator[np.ndarray]:
        """Yield ``(b, H, W, 3)`` arrays of up to ``size`` frames; check completeness at the end."""
        batch, count = [], 0
        for frame in self._frames:
            batch.append(frame)
            count += 1
            if len(batch) == size:
                yield np.stack(batch)
                batch = []
        if batch:
            yield np.stack(batch)
        if count == 0:
            raise VideoReadError(f'{self.path}: no frame could be decoded (corrupt video)')
        if self.num_frames and count < self.num_frames:
            raise VideoReadError(f'{self.path}: truncated, decoded {count} of '
                                 f'{self.num_frames} frames')


def read_video(path: str, expected_frames: Optional[int] = None,
               backend: str = 'opencv') -> np.ndarray:
    """All frames ``(T, H, W, 3)`` BGR of a clip (see :class:`VideoReader`)."""
    return np.concatenate(list(VideoReader(path, expected_frames, backend).batches(64)))
