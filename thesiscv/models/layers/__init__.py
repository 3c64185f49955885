"""Blocks shared by several methods."""
from .grad_cam import FeatureCapture, cam_maps, gap_gradients
from .resnet_encoder import ResNetEncoder
from .transformer_layer import MultiheadSelfAttention, TransformerEncoderLayer
from .vision_transformer import VisionTransformer

__all__ = ['ResNetEncoder', 'MultiheadSelfAttention', 'TransformerEncoderLayer',
           'VisionTransformer', 'FeatureCapture', 'cam_maps', 'gap_gradients']
