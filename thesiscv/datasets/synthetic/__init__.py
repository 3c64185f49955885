"""Generators that write synthetic data in the on-disk format of a real data set.

Each generator is a function ``generate(out_dir: str, seed: int = 0, **options)`` registered
with :func:`register_generator`; ``python tools/data/make_synthetic.py NAME`` runs it and writes
under ``data/`` (the generator's ``default_dir``), where the synthetic configs look.
"""
from .registry import GENERATORS, register_generator

__all__ = ['GENERATORS', 'register_generator']
from . import sprites  # noqa: F401,E402
from . import digits  # noqa: F401,E402
from . import indoor_rooms  # noqa: F401,E402
from . import defects  # noqa: F401,E402
from . import ped  # noqa: F401,E402
from . import soccer  # noqa: F401,E402
