"""Blocks shared by several methods."""
from .resnet_encoder import ResNetEncoder

__all__ = ['ResNetEncoder']
