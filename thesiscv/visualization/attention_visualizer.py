"""Attention overlays of the VAE-attention models (thesis Figs. 7.4-7.9, 7.12-7.13).

One picture per sample, panels left to right: the input, the ground-truth mask (outlined in
green) and a JET overlay of every map the prediction holds: SA (``sa_map``), the DA mean and
std (``da_mu``, ``da_sigma``), the refined DA map (``da_map``), the reconstruction difference
(``diffmap``), the reconstruction (``recon``) and per-dimension maps (``attention``, FactorVAE).
An attention traversal (``traversal``, Fig. 7.5) adds a second row, far to close. Each map is
min-max normalised for display only. Used by the shared ``VisualizationHook``, hence by
``tools/test.py --show-dir``, and by the anomaly inferencer.
"""
from typing import List, Optional, Tuple

import cv2
import mmcv
import numpy as np
import torch
from mmengine.visualization import Visualizer

from thesiscv.registry import VISUALIZERS

MAP_PANELS = (('sa_map', 'SA'), ('da_mu', 'DA mean'), ('da_sigma', 'DA std'),
              ('da_map', 'DA refined'), ('diffmap', 'diffmap'))


def to_rgb_uint8(image: torch.Tensor) -> np.ndarray:
    """A model input ``(C, H, W)`` in [0, 1] as an ``H x W x 3`` uint8 RGB picture."""
    img = image.detach().float().cpu().clamp(0, 1).numpy().transpose(1, 2, 0)
    img = np.repeat(img, 3, axis=2) if img.shape[2] == 1 else img[..., :3]
    return (img * 255).round().astype(np.uint8)


def overlay(image: np.ndarray, heat: np.ndarray, alpha: float = 0.5) -> np.ndarray:
    """Blend a JET rendering of ``heat`` (``H x W``, min-max normalised here) onto ``image``."""
    heat = np.asarray(heat, np.float32)
    span = heat.max() - heat.min()
    norm = (heat - heat.min()) / span if span > 0 else np.zeros_like(heat)
    colour = cv2.applyColorMap((norm * 255).astype(np.uint8), cv2.COLORMAP_JET)[..., ::-1]
    return (alpha * colour + (1 - alpha) * image).round().astype(np.uint8)


def outline(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Draw the contour of a binary mask in green."""
    out = image.copy()
    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL,
                                   cv2.CHAIN_APPROX_NONE)
    cv2.drawContours(out, contours, -1, (0, 255, 0), 1)
    return out


@VISUALIZERS.register_module()
class AttentionVisualizer(Visualizer):
    """Args: name, vis_backends, save_dir (as mmengine's ``Visualizer``); alpha of the
    overlays; min_size: panels smaller than this (e.g. 28 px digits) are enlarged."""

    def __init__(self, name: str = 'visualizer', vis_backends: Optional[List[dict]] = None,
                 save_dir: Optional[str] = None, alpha: float = 0.5, min_size: int = 128):
        super().__init__(name=name, vis_backends=vis_backends, save_dir=save_dir)
        self.alpha = alpha
        self.min_size = min_size

    def _panel(self, img: np.ndarray, title: str) -> np.ndarray:
        scale = max(1, int(np.ceil(self.min_size / max(img.shape[:2]))))
        img = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        header = np.full((16, img.shape[1], 3), 255, np.uint8)
        cv2.putText(header, title, (2, 12), cv2.FONT_HERSHEY_SIMPLEX, 0.4, (0, 0, 0), 1,
                    cv2.LINE_AA)
        return np.concatenate([header, img], 0)

    def panels(self, image: torch.Tensor, data_sample, draw_gt: bool = True,
               draw_pred: bool = True) -> List[List[Tuple[np.ndarray, str]]]:
        """Rows of ``(picture, title)`` for one sample."""
        img = to_rgb_uint8(image)
        first = [(img, 'input')]
        rows = [first]
        if draw_gt and 'gt_mask' in data_sample:
            first.append((outline(img, data_sample.gt_mask.cpu().numpy()), 'ground truth'))
        if not draw_pred:
            return rows
        for key, title in MAP_PANELS:
            if key in data_sample:
                first.append((overlay(img, data_sample.get(key).cpu().numpy(), self.alpha),
                              title))
        if 'recon' in data_sample:
            first.append((to_rgb_uint8(data_sample.recon), 'reconstruction'))
        if 'attention' in data_sample:
            for heat, dim in zip(data_sample.attention.cpu().numpy(),
                                 data_sample.attention_dims):
                first.append((overlay(img, heat, self.alpha), f'dim {dim}'))
        if 'traversal' in data_sample:
            steps = data_sample.traversal.cpu().numpy()
            rows.append([(overlay(img, heat, self.alpha), f'traversal {t}')
                         for t, heat in enumerate(steps)])
        return rows

    def add_datasample(self, name: str, image: torch.Tensor, data_sample=None,
                       draw_gt: bool = True, draw_pred: bool = True, show: bool = False,
                       wait_time: float = 0, out_file: Optional[str] = None, step: int = 0
                       ) -> np.ndarray:
        """Draw one sample; save it to ``out_file`` or send it to the backends. Returns the
        picture (RGB)."""
        rows = self.panels(image, data_sample, draw_gt, draw_pred) if data_sample is not None \
            else [[(to_rgb_uint8(image), 'input')]]
        drawn = [np.concatenate([self._panel(p, t) for p, t in row], 1) for row in rows]
        width = max(r.shape[1] for r in drawn)
        canvas = np.concatenate([np.pad(r, ((0, 0), (0, width - r.shape[1]), (0, 0)),
                                        constant_values=255) for r in drawn], 0)
        if show:
            self.show(canvas, win_name=name, wait_time=wait_time)
        if out_file is not None:
            mmcv.imwrite(canvas[..., ::-1], out_file)
        else:
            self.add_image(name, canvas, step)
        return canvas
