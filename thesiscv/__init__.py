"""thesiscv: an OpenMMLab-style toolbox for the six methods of one PhD thesis.

Importing the package applies the stack's compatibility fixes (:mod:`thesiscv.utils.compat`)
and installs the safe checkpoint loader (:mod:`thesiscv.utils.checkpoint`).
"""
from .utils import checkpoint as _checkpoint  # noqa: F401  (registers the safe loaders)
from .utils import compat as _compat
from .version import __version__, version_info

_compat.apply()

__all__ = ['__version__', 'version_info']
