"""Inference: one inferencer per task, on top of :func:`init_model`."""
from .inference import init_model

__all__ = ['init_model']
from .depth_inferencer import DepthInferencer  # noqa: F401,E402
