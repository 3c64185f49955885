"""MonoIndoor++ (thesis chapter 5) and its Monodepth2 baseline."""
from .coord_conv import CoordConvEncoding
from .data_preprocessor import DepthDataPreprocessor
from .depth_decoder import DepthDecoder
from .depth_heads import FactorizedDepthHead, FixedRangeDepthHead
from .frame_encoder import MonoResNetEncoder
from .losses import DepthConsistencyLoss, PhotometricLoss, SmoothnessLoss, SSIM
from .pose_decoder import PoseDecoder
from .rel_pos_attention import RelPosSelfAttention2d
from .residual_pose import ResidualPoseModule
from .scale_heads import DirectScaleHead, ProbabilisticScaleHead
from .scale_nets import ScaleCNN, ScaleNet, ScaleTransformer
from .self_sup_depth import SelfSupDepthModel

__all__ = [
    'CoordConvEncoding', 'DepthDataPreprocessor', 'DepthDecoder', 'FactorizedDepthHead',
    'FixedRangeDepthHead', 'MonoResNetEncoder', 'DepthConsistencyLoss', 'PhotometricLoss',
    'SmoothnessLoss', 'SSIM', 'PoseDecoder', 'RelPosSelfAttention2d', 'ResidualPoseModule',
    'DirectScaleHead', 'ProbabilisticScaleHead', 'ScaleCNN', 'ScaleNet', 'ScaleTransformer',
    'SelfSupDepthModel'
]
