"""One optimizer wrapper per sub-module, for models trained with several optimizers.

mmengine's runner accepts several optimizers only through a constructor (it builds
``OptimWrapperDict`` from one); mmengine ships none. Methods with adversarial or auxiliary
networks (FactorVAE's discriminator, GANs' discriminators) use this one::

    optim_wrapper = dict(
        constructor='MultiOptimWrapperConstructor',
        vae=dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-4)),
        discriminator=dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-4,
                                                                 betas=(0.5, 0.9))))

Each key names a child module of the model (``model.vae``, ``model.discriminator``); its
wrapper is built by mmengine's ``DefaultOptimWrapperConstructor`` on that child (so
``paramwise_cfg`` works per key). Parameters of the model outside every named child are an
error, since no optimizer would update them.
"""
from typing import Optional

import torch.nn as nn
from mmengine.model import is_model_wrapper
from mmengine.optim import DefaultOptimWrapperConstructor, OptimWrapperDict

from thesiscv.registry import OPTIM_WRAPPER_CONSTRUCTORS


@OPTIM_WRAPPER_CONSTRUCTORS.register_module()
class MultiOptimWrapperConstructor:
    """Build an :class:`~mmengine.optim.OptimWrapperDict` keyed by child-module names.

    Args:
        optim_wrapper_cfg: ``{child name: optim wrapper config}``; a config may hold its own
            ``paramwise_cfg``.
        paramwise_cfg: unused (kept for the constructor interface; set it per key).
    """

    def __init__(self, optim_wrapper_cfg: dict, paramwise_cfg: Optional[dict] = None):
        if paramwise_cfg:
            raise ValueError('MultiOptimWrapperConstructor: put paramwise_cfg inside each '
                             'optimizer entry, not at the top level')
        bad = [k for k, v in optim_wrapper_cfg.items() if not isinstance(v, dict)]
        if bad or not optim_wrapper_cfg:
            raise ValueError('MultiOptimWrapperConstructor needs {child name: optim wrapper '
                             f'config}} entries; got non-dict entries for {bad}')
        self.optim_wrapper_cfg = optim_wrapper_cfg

    def __call__(self, model: nn.Module) -> OptimWrapperDict:
        if is_model_wrapper(model):
            model = model.module
        children = dict(model.named_children())
        wrappers = {}
        for name, cfg in self.optim_wrapper_cfg.items():
            if name not in children:
                raise KeyError(f'optim_wrapper key {name!r} is not a child module of '
                               f'{type(model).__name__}; children: {sorted(children)}')
            cfg = dict(cfg)
            paramwise = cfg.pop('paramwise_cfg', None)
            wrappers[name] = DefaultOptimWrapperConstructor(cfg, paramwise)(children[name])
        covered = {id(p) for name in wrappers for p in children[name].parameters()}
        orphans = [n for n, p in model.named_parameters()
                   if p.requires_grad and id(p) not in covered]
        if orphans:
            raise ValueError(f'parameters {orphans[:5]} of {type(model).__name__} belong to no '
                             'optimizer; add their child module to optim_wrapper')
        return OptimWrapperDict(**wrappers)
