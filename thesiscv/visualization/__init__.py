
from .depth_visualizer import DepthVisualizer  # noqa: F401
from .attention_visualizer import AttentionVisualizer  # noqa: F401
from .action_visualizer import ActionVisualizer  # noqa: F401
