"""Inference: one inferencer per task, on top of :func:`init_model`."""
from .inference import init_model

__all__ = ['init_model']
from .depth_inferencer import DepthInferencer  # noqa: F401,E402
from .anomaly_inferencer import AnomalyInferencer  # noqa: F401,E402
from .action_inferencer import ActionInferencer  # noqa: F401,E402
