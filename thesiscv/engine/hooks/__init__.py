from .normal_stats_hook import NormalStatsHook
from .visualization_hook import VisualizationHook

__all__ = ['VisualizationHook', 'NormalStatsHook']
