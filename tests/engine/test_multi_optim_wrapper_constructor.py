"""MultiOptimWrapperConstructor builds one optimizer per child module."""
import pytest
import torch.nn as nn
from mmengine.optim import OptimWrapperDict, build_optim_wrapper


class TwoNets(nn.Module):

    def __init__(self):
        super().__init__()
        self.generator = nn.Linear(3, 3)
        self.discriminator = nn.Linear(3, 1)


def cfg(**entries):
    return dict(constructor='MultiOptimWrapperConstructor', **{
        k: dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=lr))
        for k, lr in entries.items()})


def test_one_wrapper_per_child():
    model = TwoNets()
    wrappers = build_optim_wrapper(model, cfg(generator=1e-3, discriminator=1e-4))
    assert isinstance(wrappers, OptimWrapperDict)
    assert wrappers['generator'].get_lr()['lr'] == [1e-3]
    params = wrappers['discriminator'].optimizer.param_groups[0]['params']
    assert {id(p) for p in params} == {id(p) for p in model.discriminator.parameters()}


def test_unknown_child_and_orphan_parameters_are_errors():
    with pytest.raises(KeyError, match='not a child module'):
        build_optim_wrapper(TwoNets(), cfg(generator=1e-3, critic=1e-3))
    with pytest.raises(ValueError, match='belong to no optimizer'):
        build_optim_wrapper(TwoNets(), cfg(generator=1e-3))
