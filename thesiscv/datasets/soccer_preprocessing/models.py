"""Building the third-party preprocessing models from their configs, with local weights only.

Shared by the detector and the pose estimator: the config's ``model`` is built through
thesiscv's registry (types prefixed ``mmdet.`` / ``mmpose.`` build inside their library's scope)
and its weights load from a local file through the project's safe checkpoint loader. Nothing is
downloaded; without a checkpoint the model keeps random weights (tests only) and says so.
"""
import os.path as osp
import warnings
from typing import Optional, Tuple

import torch.nn as nn
from mmengine.config import Config
from mmengine.runner import load_checkpoint

from thesiscv.registry import MODELS


def build_inference_model(config: str, checkpoint: Optional[str], device: str,
                          what: str) -> Tuple[nn.Module, Config]:
    """Build ``config``'s model for inference and load ``checkpoint``.

    Args:
        config: config file (e.g. ``configs/emanet/preprocess/...py``).
        checkpoint: local checkpoint path; None keeps random weights (with a warning).
        device: torch device.
        what: the model's role for messages ("Mask R-CNN detector", ...).
    """
    from thesiscv.utils import register_all_modules
    register_all_modules()
    if not osp.isfile(config):
        raise FileNotFoundError(f'{what}: config file {config} does not exist')
    cfg = Config.fromfile(config)
    model = MODELS.build(cfg.model)
    if checkpoint is None:
        warnings.warn(f'{what}: no checkpoint given, so it runs with RANDOM weights; its '
                      'outputs are meaningless (use this for tests only)')
    elif not osp.isfile(checkpoint):
        raise FileNotFoundError(
            f'{what}: checkpoint {checkpoint} does not exist. Download the COCO weights on a '
            'machine with internet and pass the local file (nothing is downloaded here).')
    else:
        load_checkpoint(model, checkpoint, map_location='cpu', logger='silent')
    return model.to(device).eval(), cfg
