"""Blocks shared by several methods."""
from .grad_cam import FeatureCapture, cam_maps, gap_gradients
from .resnet_encoder import ResNetEncoder

__all__ = ['ResNetEncoder', 'FeatureCapture', 'cam_maps', 'gap_gradients']
