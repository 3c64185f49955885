"""Compatibility of the OpenMMLab stack with torch 2.13 (CPU build) and numpy 2, in one place.

Everything thesiscv does to make the pinned stack (requirements/mminstall.txt) work lives here
or is named here; nothing edits site-packages. :func:`apply` runs on ``import thesiscv``.

1. **mmaction2 1.2.0 ships without** ``mmaction/models/localizers/drn/`` (both the wheel and the
   sdist), so ``import mmaction.models`` raises ``ModuleNotFoundError``. We put a placeholder
   module for ``mmaction.models.localizers.drn`` and ``...drn.drn`` into ``sys.modules``; its
   ``DRN`` raises an error that explains the situation if anyone tries to build it.
2. **No torchvision.** There is no CPU build on the registries, and the CUDA wheel fails at import.
   thesiscv never imports it: ``mmpose.apis`` and ``mmpose.visualization`` (which need it) are not
   used; their role is played by :mod:`thesiscv.apis` and :mod:`thesiscv.visualization`; ResNets
   live in :mod:`thesiscv.models.layers`. ``collect_env`` reports an installed torchvision by
   its package metadata, without importing it.
3. **Distributed runs without CUDA.** ``mmengine.dist.init_dist`` calls ``torch.cuda.set_device``,
   which a CPU build of torch does not have; :func:`init_dist` uses gloo and skips that call when
   CUDA is absent. DDP is built with ``device_ids=None`` (configs/_base_/default_runtime.py), which
   is right for a single-device module on CPU and on GPU.
4. **torch.load defaults to** ``weights_only=True`` since torch 2.6, which mmengine 0.10.7 does not
   expect: see :mod:`thesiscv.utils.checkpoint`, which keeps the protection and allow-lists the
   classes our checkpoints hold.
5. **xtcocotools** (used by mmpose) must be rebuilt from source for numpy 2: done by
   tools/install.sh (tag ``[no-binary]`` in requirements/mminstall.txt), nothing at run time.
6. **mmaction2's VindLU models and a newer transformers.** When ``transformers`` is installed
   (it is not one of our requirements, but machines with other projects have it),
   ``import mmaction.models`` imports VindLU, which imports ``apply_chunking_to_forward`` from
   ``transformers.modeling_utils``; recent transformers releases no longer have it there, and the
   import fails. :func:`disable_broken_mmaction_multimodal` then sets mmaction's
   ``WITH_MULTIMODAL`` flag to False first, so VindLU is registered as mmaction's own
   placeholder (found on the GPU machine, transformers 5 with torch 2.11).
"""
import importlib.util
import os
import sys
import types
from unittest import mock

import torch

_DRN_MODULES = ('mmaction.models.localizers.drn', 'mmaction.models.localizers.drn.drn')


class _MissingDRN:
    """Stands in for mmaction2's DRN localizer, whose source the 1.2.0 release lacks."""

    def __init__(self, *args, **kwargs):
        raise ImportError('mmaction2 1.2.0 was released without mmaction/models/localizers/drn; '
                          'thesiscv installs a placeholder so that mmaction.models imports. '
                          'DRN itself cannot be built with this mmaction2 release.')


def install_mmaction_drn_placeholder() -> bool:
    """Register placeholder modules for mmaction2's missing DRN localizer.

    Returns True when placeholders were installed (mmaction2 is present and lacks the module).
    """
    if importlib.util.find_spec('mmaction') is None or _DRN_MODULES[0] in sys.modules:
        return False
    package_dir = os.path.dirname(importlib.util.find_spec('mmaction').origin)
    if os.path.isdir(os.path.join(package_dir, 'models', 'localizers', 'drn')):
        return False
    for name in _DRN_MODULES:
        module = types.ModuleType(name, _MissingDRN.__doc__)
        module.DRN = _MissingDRN
        module.__path__ = []  # a package, so that `drn.drn` resolves as its submodule
        sys.modules[name] = module
    return True


def disable_broken_mmaction_multimodal() -> bool:
    """Register mmaction2's VindLU models as placeholders when the installed transformers lacks
    ``modeling_utils.apply_chunking_to_forward`` (their import would break ``mmaction.models``).

    The check reads the module's source instead of importing transformers (seconds at every
    start). Returns True when the flag was switched off.
    """
    if (importlib.util.find_spec('mmaction') is None
            or 'mmaction.models.multimodal' in sys.modules):
        return False
    try:
        spec = importlib.util.find_spec('transformers.modeling_utils')
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return False
    with open(spec.origin, encoding='utf-8') as f:
        if 'apply_chunking_to_forward' in f.read():
            return False
    from mmaction.utils import dependency
    dependency.WITH_MULTIMODAL = False
    return True


def init_dist(launcher: str, backend: str = 'nccl', **kwargs) -> str:
    """``mmengine.dist.init_dist`` that also works on machines without CUDA.

    Args:
        launcher: 'pytorch' (torchrun), 'slurm' or 'mpi'.
        backend: backend asked for by the config; replaced by 'gloo' when CUDA is absent.
        **kwargs: passed to ``torch.distributed.init_process_group`` (e.g. ``timeout``).

    Returns:
        The backend actually used.
    """
    from mmengine.dist import init_dist as mmengine_init_dist
    if torch.cuda.is_available():
        mmengine_init_dist(launcher, backend=backend, **kwargs)
        return backend
    with mock.patch.object(torch.cuda, 'set_device', lambda device: None):
        mmengine_init_dist(launcher, backend='gloo', **kwargs)
    return 'gloo'


def apply() -> None:
    """Apply every run-time fix above that is needed; safe to call many times."""
    install_mmaction_drn_placeholder()
    disable_broken_mmaction_multimodal()
