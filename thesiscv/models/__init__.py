"""Models: shared layers and one subpackage per method."""
from .layers import *  # noqa: F401,F403
from .emanet import *  # noqa: F401,F403
from .monoindoor import *  # noqa: F401,F403
from .vae_attention import *  # noqa: F401,F403
