"""The table of synthetic-data generators behind ``tools/data/make_synthetic.py``."""
from typing import Callable, Dict, NamedTuple


class Generator(NamedTuple):
    """A registered generator: the function and the folder its synthetic configs read."""
    func: Callable
    default_dir: str
    summary: str


GENERATORS: Dict[str, Generator] = {}


def register_generator(name: str, default_dir: str) -> Callable:
    """Register ``func(out_dir, seed=0, **options)`` as generator ``name``.

    Args:
        name: the name users pass to make_synthetic.py (e.g. ``'soccer'``).
        default_dir: where it writes by default, relative to the project root
            (e.g. ``'data/soccer_synthetic'``); the method's synthetic configs read from there.
    """

    def decorator(func: Callable) -> Callable:
        if name in GENERATORS:
            raise KeyError(f'synthetic generator {name!r} is registered twice')
        summary = (func.__doc__ or '').strip().splitlines()[0] if func.__doc__ else ''
        GENERATORS[name] = Generator(func, default_dir, summary)
        return func

    return decorator
