
from .depth_visualizer import DepthVisualizer  # noqa: F401
