"""Build a model from a config and a checkpoint, ready for inference (as mmdet's init_detector)."""
from typing import Optional, Union

import torch.nn as nn
from mmengine.config import Config
from mmengine.runner import load_checkpoint

from thesiscv.registry import MODELS
from thesiscv.utils import register_all_modules


def init_model(config: Union[str, Config], checkpoint: Optional[str] = None,
               device: str = 'cpu', cfg_options: Optional[dict] = None) -> nn.Module:
    """Build ``config``'s model, load ``checkpoint`` safely and put it in eval mode.

    Args:
        config: config file path or :class:`Config`.
        checkpoint: local path, http(s) URL or model-zoo name; None keeps the initial weights.
        device: 'cpu', 'cuda', 'cuda:1', ...
        cfg_options: overrides merged into the config.

    Returns:
        The model, with the config attached as ``model.cfg`` and, when the checkpoint records
        it, the dataset meta (class names, ...) as ``model.dataset_meta``.
    """
    register_all_modules()
    cfg = Config.fromfile(config) if isinstance(config, str) else config.copy()
    if cfg_options:
        cfg.merge_from_dict(cfg_options)
    model = MODELS.build(cfg.model)
    if checkpoint is not None:
        ckpt = load_checkpoint(model, checkpoint, map_location='cpu')
        model.dataset_meta = ckpt.get('meta', {}).get('dataset_meta')
    model.cfg = cfg
    return model.to(device).eval()
