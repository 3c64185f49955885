
from .depth_metric import DepthMetric  # noqa: F401
from .anomaly import BestIoU, ImageAUROC, PixelAUROC  # noqa: F401
from .disentanglement import FactorVAEMetric  # noqa: F401
from .reconstruction import ReconstructionError  # noqa: F401
from .pose_relative_metric import RelativePoseMetric  # noqa: F401
from .pose_trajectory_metric import TrajectoryMetric  # noqa: F401
from .action_prf1 import MacroPRF1Metric  # noqa: F401
from .detection_iou import MeanBestIoUMetric  # noqa: F401
