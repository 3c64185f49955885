"""Hooks, loops and optimizer wrappers that thesiscv's methods need beyond mmengine's."""
from .hooks import *  # noqa: F401,F403
from .optimizers import *  # noqa: F401,F403
