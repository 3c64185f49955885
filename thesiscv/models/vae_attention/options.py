"""Validation of the string options of the VAE-attention components (config keys)."""
from typing import Any, Iterable


def check_choice(name: str, value: Any, choices: Iterable) -> None:
    """Raise a ``ValueError`` naming the config key ``name`` if ``value`` is not a choice."""
    choices = tuple(choices)
    if value not in choices:
        raise ValueError(f'{name} must be one of {choices}, got {value!r}')
