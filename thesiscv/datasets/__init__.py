"""Datasets (one file per on-disk format), transforms and synthetic generators."""
from . import synthetic  # noqa: F401
from .transforms import *  # noqa: F401,F403
from .scannet import ScanNetDataset  # noqa: F401
