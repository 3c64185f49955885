"""AttentionVisualizer draws one panel per map and writes the PNG."""
import cv2
import numpy as np
import torch
from mmengine.structures import BaseDataElement

from thesiscv.visualization import AttentionVisualizer
from thesiscv.visualization.attention_visualizer import overlay


def test_overlay_is_jet_of_the_normalised_map():
    image = np.zeros((4, 4, 3), np.uint8)
    heat = np.zeros((4, 4))
    heat[0, 0] = 5.0
    out = overlay(image, heat, alpha=1.0)
    np.testing.assert_array_equal(out[0, 0], [128, 0, 0])      # JET's top colour, in RGB
    np.testing.assert_array_equal(out[3, 3], [0, 0, 128])      # ... and its bottom colour


def test_panels_and_file(tmp_path):
    vis = AttentionVisualizer(name='attention_test', min_size=32)
    mask = torch.zeros(32, 32, dtype=torch.bool)
    mask[4:10, 4:10] = True
    sample = BaseDataElement(gt_mask=mask, sa_map=torch.rand(32, 32), da_mu=torch.rand(32, 32),
                             da_sigma=torch.rand(32, 32), da_map=torch.rand(32, 32),
                             diffmap=torch.rand(32, 32), traversal=torch.rand(3, 32, 32))
    out_file = tmp_path / 'x.png'
    canvas = vis.add_datasample('x', torch.rand(1, 32, 32), sample, out_file=str(out_file))
    assert canvas.shape == (2 * (32 + 16), 7 * 32, 3)         # 7 panels; traversal row below
    written = cv2.imread(str(out_file))[..., ::-1]
    np.testing.assert_array_equal(written, canvas)
    gt_panel = canvas[16:48, 32:64]
    assert (gt_panel == [0, 255, 0]).all(-1).sum() >= 20      # the mask's green outline
