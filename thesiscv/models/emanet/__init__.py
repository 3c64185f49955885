"""EMA-Net (thesis Ch. 2): extractor, motion modules, aggregation, fusion, head, recognizer, and
the ST-TR skeleton baseline backbone."""
from .aggregation import EnergyMotionAggregation
from .cls_head import EMAClsHead
from .data_preprocessor import EMADataPreprocessor
from .emanet import EMANet
from .feature_extractor import SelfAttentiveFeatureExtractor
from .fusion import NaiveFusion
from .motion_module import SelfAttentiveMotionModule
from .recurrent_motion import RecurrentMotionModule
from .sttr import STTRBackbone

__all__ = ['EMANet', 'EMADataPreprocessor', 'SelfAttentiveFeatureExtractor',
           'SelfAttentiveMotionModule', 'RecurrentMotionModule', 'EnergyMotionAggregation',
           'NaiveFusion', 'EMAClsHead', 'STTRBackbone']
