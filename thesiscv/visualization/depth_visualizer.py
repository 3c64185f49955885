"""Depth pictures: the input frame, the colorized predicted depth, the ground truth and the
error map (used by ``tools/test.py --show-dir`` and the depth inferencer).

The prediction is median-scaled to the ground truth first (as the metrics do), so prediction and
ground truth share one colour scale; the error map shows the per-pixel absolute relative error
``|p - g| / g`` from 0 (black) to ``max_error`` (white/yellow), black where there is no ground
truth. Panels are laid side by side at the ground truth's resolution.
"""
from typing import Optional, Union

import cv2
import matplotlib
import numpy as np
import torch
from mmengine.visualization import Visualizer

from thesiscv.registry import VISUALIZERS


def colorize(values: np.ndarray, vmin: float, vmax: float, cmap: str = 'magma_r',
             valid: Optional[np.ndarray] = None) -> np.ndarray:
    """``(H, W)`` values -> ``(H, W, 3)`` uint8 RGB via a matplotlib colormap (invalid: black)."""
    norm = np.clip((values - vmin) / max(vmax - vmin, 1e-8), 0, 1)
    rgb = (matplotlib.colormaps[cmap](norm)[..., :3] * 255).astype(np.uint8)
    if valid is not None:
        rgb[~valid] = 0
    return rgb


def _numpy(x: Union[torch.Tensor, np.ndarray]) -> np.ndarray:
    return x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)


def target_frame(image: Union[dict, torch.Tensor, np.ndarray]) -> np.ndarray:
    """The target frame ``(H, W, 3)`` uint8 RGB of a sample's model input.

    Accepts the packed inputs (``dict(img=(F, 3, H, W), ...)``), a ``(F, 3, H, W)`` or
    ``(3, H, W)`` tensor, or an ``(H, W, 3)`` array.
    """
    if isinstance(image, dict):
        image = image['img']
    img = _numpy(image)
    if img.ndim == 4:
        img = img[0]
    if img.ndim == 3 and img.shape[0] == 3 and img.shape[-1] != 3:
        img = img.transpose(1, 2, 0)
    if img.dtype != np.uint8:
        img = np.clip(img * 255 if img.max() <= 1 else img, 0, 255).astype(np.uint8)
    return img


@VISUALIZERS.register_module()
class DepthVisualizer(Visualizer):
    """Side-by-side input | prediction | ground truth | AbsRel error map.

    Args:
        name: instance name.
        vis_backends: where ``add_image`` sends pictures (when no ``out_file`` is given).
        save_dir: backends' folder.
        cmap: colormap of depth (near = bright with ``magma_r``).
        max_error: AbsRel mapped to the top of the error colormap.
    """

    def __init__(self, name: str = 'visualizer', vis_backends: Optional[list] = None,
                 save_dir: Optional[str] = None, cmap: str = 'magma_r', max_error: float = 0.5):
        super().__init__(name=name, vis_backends=vis_backends, save_dir=save_dir)
        self.cmap = cmap
        self.max_error = max_error

    def render(self, image, data_sample) -> np.ndarray:
        """The picture of one sample as ``(H, W', 3)`` uint8 RGB."""
        pred = _numpy(data_sample.pred_depth).astype(np.float32)
        h, w = pred.shape
        rgb = cv2.resize(target_frame(image), (w, h), interpolation=cv2.INTER_AREA)
        gt = _numpy(data_sample.gt_depth).astype(np.float32) if 'gt_depth' in data_sample else None
        panels = [rgb]
        if gt is not None:
            valid = gt > 0
            if valid.any():
                pred = pred * np.median(gt[valid]) / max(np.median(pred[valid]), 1e-8)
            ref = gt[valid] if valid.any() else pred.ravel()
            vmin, vmax = np.percentile(ref, 1), np.percentile(ref, 99)
            error = np.where(valid, np.abs(pred - gt) / np.where(valid, gt, 1), 0)
            panels += [colorize(pred, vmin, vmax, self.cmap), colorize(gt, vmin, vmax, self.cmap,
                                                                       valid),
                       colorize(error, 0, self.max_error, 'inferno', valid)]
        else:
            vmin, vmax = np.percentile(pred, 1), np.percentile(pred, 99)
            panels.append(colorize(pred, vmin, vmax, self.cmap))
        return np.concatenate(panels, axis=1)

    def add_datasample(self, name: str, image, data_sample=None, draw_gt: bool = True,
                       draw_pred: bool = True, show: bool = False, wait_time: float = 0,
                       out_file: Optional[str] = None, step: int = 0) -> np.ndarray:
        """Draw ``data_sample`` (with ``pred_depth``; ``gt_depth`` when known) over ``image``."""
        if data_sample is None or 'pred_depth' not in data_sample:
            raise KeyError('DepthVisualizer needs a data sample with pred_depth')
        if not draw_gt and 'gt_depth' in data_sample:
            data_sample = data_sample.clone()
            del data_sample.gt_depth
        drawn = self.render(image, data_sample)
        self.set_image(drawn)
        if show:
            self.show(drawn, win_name=name, wait_time=wait_time)
        if out_file is not None:
            cv2.imwrite(out_file, drawn[..., ::-1])
        else:
            self.add_image(name, drawn, step)
        return drawn
