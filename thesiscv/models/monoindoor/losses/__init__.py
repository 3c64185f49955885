"""Losses of self-supervised monocular depth (thesis Eqs. 5.1, 5.3, 5.5, 5.6)."""
from .depth_consistency_loss import DepthConsistencyLoss
from .photometric_loss import PhotometricLoss
from .smoothness_loss import SmoothnessLoss
from .ssim import SSIM

__all__ = ['DepthConsistencyLoss', 'PhotometricLoss', 'SmoothnessLoss', 'SSIM']
