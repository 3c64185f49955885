
from .depth_metric import DepthMetric  # noqa: F401
from .pose_relative_metric import RelativePoseMetric  # noqa: F401
from .pose_trajectory_metric import TrajectoryMetric  # noqa: F401
