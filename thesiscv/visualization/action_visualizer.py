"""Pictures of action recognition: a sample with its prediction, a confusion matrix.

:class:`ActionVisualizer` draws, for one EMA-Net sample, the energy image beside the n
player-mask frames fed to the motion branch (for a video baseline, frames of its clip), with the
ground-truth and predicted classes and the top scores; :func:`draw_confusion_matrix` renders a
confusion matrix (rows: true class).
"""
from typing import Optional, Sequence

import numpy as np
from mmengine.visualization import Visualizer

from thesiscv.registry import VISUALIZERS


def _to_image(x) -> np.ndarray:
    """A ``(1, S, S)`` / ``(S, S)`` map in [0, 1] (tensor or array) -> uint8 RGB ``(S, S, 3)``."""
    x = np.asarray(x.detach().cpu() if hasattr(x, 'detach') else x, np.float32)
    x = x.reshape(x.shape[-2:])
    grey = np.clip(x * 255, 0, 255).astype(np.uint8)
    return np.repeat(grey[..., None], 3, -1)


def draw_confusion_matrix(cm: np.ndarray, classes: Sequence[str], title: str = '') -> np.ndarray:
    """The confusion matrix ``(C, C)`` as an RGB picture with counts in the cells."""
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    cm = np.asarray(cm)
    size = 1.2 + 0.9 * len(classes)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    rows = np.maximum(cm.sum(1, keepdims=True), 1)
    ax.imshow(cm / rows, cmap='Blues', vmin=0, vmax=1)
    for (i, j), v in np.ndenumerate(cm):
        ax.text(j, i, str(v), ha='center', va='center',
                color='white' if v / rows[i, 0] > 0.5 else 'black')
    ax.set_xticks(range(len(classes)), classes, rotation=35, ha='right')
    ax.set_yticks(range(len(classes)), classes)
    ax.set_xlabel('predicted')
    ax.set_ylabel('true')
    ax.set_title(title)
    fig.tight_layout()
    fig.canvas.draw()
    image = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
    plt.close(fig)
    return image


def _video_strip(clip, max_frames: int = 8) -> np.ndarray:
    """Up to ``max_frames`` frames of a video input ``(N, C, T, H, W)`` / ``(C, T, H, W)``
    (RGB, or stacked keypoint heatmaps shown as their maximum), min-max scaled; else a blank."""
    x = np.asarray(clip.detach().cpu() if hasattr(clip, 'detach') else clip, np.float32)
    while x.ndim > 4:
        x = x[0]
    if x.ndim != 4 or x.shape[-1] < 8:  # e.g. a skeleton (M, T, V, C): nothing to draw
        return np.zeros((32, 32, 3), np.uint8)
    frames = x[:, np.linspace(0, x.shape[1] - 1, min(max_frames, x.shape[1])).astype(int)]
    frames = frames if frames.shape[0] == 3 else frames.max(0, keepdims=True).repeat(3, 0)
    frames = (frames - frames.min()) / max(float(frames.max() - frames.min()), 1e-6)
    return (np.concatenate(list(frames.transpose(1, 2, 3, 0)), axis=1) * 255).astype(np.uint8)


@VISUALIZERS.register_module()
class ActionVisualizer(Visualizer):
    """Draw an action sample with its gt / predicted class: for EMA-Net the energy image beside
    the mask frames; for the video and skeleton baselines a strip of the input clip."""

    def add_datasample(self, name: str, image, data_sample=None, draw_gt: bool = True,
                       draw_pred: bool = True, show: bool = False, wait_time: float = 0,
                       out_file: Optional[str] = None, step: int = 0) -> np.ndarray:
        """``image``: the sample's ``inputs`` (EMA-Net: ``dict(energy=(1, S, S),
        masks=(n, 1, S, S))``; baselines: their clip tensor)."""
        if isinstance(image, dict):
            energy = _to_image(image['energy'])
            frames = [_to_image(m) for m in image['masks']]
            gap = np.full((energy.shape[0], 2, 3), 128, np.uint8)
            strip = np.concatenate([energy, gap, *frames], axis=1)
        else:
            strip = _video_strip(image)
        scale = max(1, 96 // strip.shape[0])
        strip = np.kron(strip, np.ones((scale, scale, 1), np.uint8))
        canvas = np.concatenate([np.zeros((36, max(strip.shape[1], 320), 3), np.uint8),
                                 np.pad(strip, ((0, 0), (0, max(0, 320 - strip.shape[1])),
                                                (0, 0)))], axis=0)
        self.set_image(canvas)
        classes = (self.dataset_meta or {}).get('classes')
        lines = []
        if data_sample is not None:
            if draw_gt and 'gt_label' in data_sample:
                gt = int(data_sample.gt_label)
                lines.append(f'gt: {classes[gt] if classes else gt}')
            if draw_pred and 'pred_score' in data_sample:
                score = data_sample.pred_score.detach().cpu().numpy()
                top = np.argsort(-score)[:2]
                lines.append('pred: ' + ', '.join(
                    f'{classes[i] if classes else i} {score[i]:.2f}' for i in top))
        if lines:
            self.draw_texts('  |  '.join(lines), np.array([4, 4]), colors='white', font_sizes=10)
        drawn = self.get_image()
        if show:
            self.show(drawn, win_name=name, wait_time=wait_time)
        if out_file is not None:
            import mmcv
            mmcv.imwrite(drawn[..., ::-1], out_file)
        else:
            self.add_image(name, drawn, step)
        return drawn
