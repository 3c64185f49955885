"""Safe checkpoint loading: one loader for resume, ``load_from``, test, inferencers and the zoo.

torch >= 2.6 loads with ``weights_only=True``: the unpickler rebuilds tensors and plain
containers and refuses any other pickled global, so a checkpoint cannot run code on load.
mmengine 0.10.7 checkpoints hold a few more classes (the message hub's ``HistoryBuffer``,
numpy arrays and scalars), so resuming fails with the default. Instead of turning the
protection off, :func:`safe_load` allow-lists exactly those classes (:data:`SAFE_GLOBALS`) and
refuses everything else with :class:`UnsafeCheckpointError`, naming the file and the global.

Importing this module registers :func:`safe_load` with mmengine's ``CheckpointLoader`` for
local paths, model-zoo names and http(s) URLs, so ``Runner.resume``, ``load_from``,
``load_checkpoint`` and ``tools/test.py CONFIG CHECKPOINT`` all go through it.
"""
import pickle
import re
from typing import Any, Callable, List, Optional, Union

import numpy as np
import torch
from mmengine.logging.history_buffer import HistoryBuffer
from mmengine.runner.checkpoint import CheckpointLoader

_HISTORY_BUFFER_METHODS = ('min', 'max', 'current', 'mean')


def _history_buffer_getattr(obj: Any, name: str) -> Callable:
    """Stands in for ``builtins.getattr`` while unpickling.

    A pickled ``HistoryBuffer`` refers to its statistics methods as
    ``getattr(HistoryBuffer, 'mean')``; a general ``getattr`` would hand any attribute of any
    allowed object to the file, so only these lookups are served.
    """
    if obj is HistoryBuffer and name in _HISTORY_BUFFER_METHODS:
        return getattr(HistoryBuffer, name)
    raise pickle.UnpicklingError(f'getattr({obj!r}, {name!r}) is not allowed in a checkpoint')


_NUMPY_DTYPES = (np.bool_, np.uint8, np.int8, np.int16, np.int32, np.int64, np.float16, np.float32,
                 np.float64)

#: Every global a thesiscv (mmengine) checkpoint may contain beyond torch's own allow-list.
SAFE_GLOBALS: List[Union[Callable, tuple]] = [
    HistoryBuffer,
    (_history_buffer_getattr, 'builtins.getattr'),
    np.ndarray,
    np.dtype,
    np._core.multiarray._reconstruct,
    np._core.multiarray.scalar,
    *(type(np.dtype(t)) for t in _NUMPY_DTYPES),
]


class UnsafeCheckpointError(pickle.UnpicklingError):
    """A checkpoint holds a pickled object that thesiscv does not load (it could run code)."""


def safe_load(source: str, map_location: Optional[Union[str, torch.device]] = 'cpu') -> Any:
    """Load a checkpoint from a local path, a model-zoo name or an http(s) URL, safely.

    Args:
        source: path, zoo name (``python tools/model_zoo.py list``) or URL; remote files are
            downloaded once into the cache and checked against the model index's sha256.
        map_location: as in :func:`torch.load`.

    Returns:
        Whatever the file holds (for mmengine checkpoints a dict with ``state_dict``, ``meta``,
        ``optimizer``, ...).

    Raises:
        FileNotFoundError: ``source`` is neither a file, nor a URL, nor a zoo name.
        UnsafeCheckpointError: the file pickles a global that is not in :data:`SAFE_GLOBALS`.
    """
    from .model_zoo import resolve_checkpoint
    path = resolve_checkpoint(source)
    try:
        with torch.serialization.safe_globals(SAFE_GLOBALS):
            return torch.load(path, map_location=map_location, weights_only=True)
    except pickle.UnpicklingError as err:
        found = re.search(r'GLOBAL (\S+)|function (<[^>]+>|\S+)', str(err))
        what = next(g for g in found.groups() if g) if found else str(err).splitlines()[0]
        raise UnsafeCheckpointError(
            f"Refused to load checkpoint '{path}': it holds the pickled object '{what}', which "
            'thesiscv checkpoints never contain (allowed: tensors, containers and '
            'thesiscv.utils.checkpoint.SAFE_GLOBALS). Unpickling it could run code from the file. '
            'If you trust the file, open it with torch.load(..., weights_only=False) yourself and '
            'save only its state_dict.') from None


@CheckpointLoader.register_scheme(prefixes=('', 'http://', 'https://'), force=True)
def _load_with_mmengine(filename: str, map_location: Optional[str] = None) -> Any:
    """mmengine's loader for local paths, zoo names and URLs, replaced by :func:`safe_load`."""
    return safe_load(filename, map_location=map_location)
