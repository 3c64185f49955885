"""The depth visualizer draws input | prediction | ground truth | error at the GT size."""
import numpy as np
import torch
from mmengine.structures import BaseDataElement

from thesiscv.visualization import DepthVisualizer
from thesiscv.visualization.depth_visualizer import colorize


def test_colorize_range_and_invalid():
    values = np.array([[0.0, 5.0, 10.0]])
    rgb = colorize(values, 0, 10, 'gray', valid=np.array([[True, True, False]]))
    assert rgb[0, 0].tolist() == [0, 0, 0] and rgb[0, 1, 0] in (127, 128)
    assert rgb[0, 2].tolist() == [0, 0, 0]


def test_add_datasample_writes_panels(tmp_path):
    vis = DepthVisualizer(name='depth_vis_test', save_dir=str(tmp_path))
    gt = torch.linspace(1, 4, 48 * 64).view(48, 64)
    sample = BaseDataElement(pred_depth=gt * 2, gt_depth=gt)  # perfect up to scale
    inputs = dict(img=torch.randint(0, 255, (3, 3, 32, 32), dtype=torch.uint8))
    out = tmp_path / 'x.png'
    drawn = vis.add_datasample('x', inputs, sample, out_file=str(out))
    assert drawn.shape == (48, 4 * 64, 3) and out.exists()
    error_panel = drawn[:, 3 * 64:]
    assert error_panel.max() < 10  # median scaling makes the error zero (black)
    no_gt = vis.add_datasample('y', inputs, BaseDataElement(pred_depth=gt), out_file=str(out))
    assert no_gt.shape == (48, 2 * 64, 3)
