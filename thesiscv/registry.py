"""thesiscv's registries: children of mmengine's root registries in the scope ``'thesiscv'``.

Each registry names the package (``locations``) whose import registers its members, so
building a config imports exactly what it needs. Components of the other OpenMMLab libraries
are used by scope prefix, as in OpenMMLab configs::

    dict(type='mmdet.MaskRCNN', ...)            # built by mmdet's MODELS
    dict(type='mmaction.ResNet3d', ...)
    dict(type='mmpose.TopdownPoseEstimator', ...)

mmengine resolves such a prefixed type but then instantiates it under the *current* default
scope (``thesiscv``), so the nested ``MODELS.build(dict(type='ResNet'))`` inside mmdet's
``MaskRCNN.__init__`` would search our registry and fail. :class:`ScopedRegistry` mends this
where the type is resolved: a prefixed type is built with that library's scope as the default
scope, exactly as if the config had said ``_scope_='mmdet'``.
"""
import functools
import inspect
from typing import Any, Callable, Optional

from mmengine.registry import DATA_SAMPLERS as MMENGINE_DATA_SAMPLERS
from mmengine.registry import DATASETS as MMENGINE_DATASETS
from mmengine.registry import EVALUATOR as MMENGINE_EVALUATOR
from mmengine.registry import FUNCTIONS as MMENGINE_FUNCTIONS
from mmengine.registry import HOOKS as MMENGINE_HOOKS
from mmengine.registry import INFERENCERS as MMENGINE_INFERENCERS
from mmengine.registry import LOG_PROCESSORS as MMENGINE_LOG_PROCESSORS
from mmengine.registry import LOOPS as MMENGINE_LOOPS
from mmengine.registry import METRICS as MMENGINE_METRICS
from mmengine.registry import MODEL_WRAPPERS as MMENGINE_MODEL_WRAPPERS
from mmengine.registry import MODELS as MMENGINE_MODELS
from mmengine.registry import \
    OPTIM_WRAPPER_CONSTRUCTORS as MMENGINE_OPTIM_WRAPPER_CONSTRUCTORS
from mmengine.registry import OPTIM_WRAPPERS as MMENGINE_OPTIM_WRAPPERS
from mmengine.registry import OPTIMIZERS as MMENGINE_OPTIMIZERS
from mmengine.registry import PARAM_SCHEDULERS as MMENGINE_PARAM_SCHEDULERS
from mmengine.registry import RUNNERS as MMENGINE_RUNNERS
from mmengine.registry import TASK_UTILS as MMENGINE_TASK_UTILS
from mmengine.registry import TRANSFORMS as MMENGINE_TRANSFORMS
from mmengine.registry import VISBACKENDS as MMENGINE_VISBACKENDS
from mmengine.registry import VISUALIZERS as MMENGINE_VISUALIZERS
from mmengine.registry import WEIGHT_INITIALIZERS as MMENGINE_WEIGHT_INITIALIZERS
from mmengine.registry import DefaultScope, Registry
from mmengine.utils import ManagerMixin

SCOPE = 'thesiscv'


@functools.lru_cache(maxsize=None)
def _built_in_scope(obj: Callable, scope: str) -> Callable:
    """Wrap ``obj`` (class or function) so that calling it runs under default scope ``scope``."""

    def build(*args, **kwargs) -> Any:
        with DefaultScope.overwrite_default_scope(scope):
            if inspect.isclass(obj) and issubclass(obj, ManagerMixin):
                return obj.get_instance(*args, **kwargs)
            return obj(*args, **kwargs)

    for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
        setattr(build, attr, getattr(obj, attr, None))
    build.__wrapped__ = obj
    return build


class ScopedRegistry(Registry):
    """A :class:`mmengine.Registry` whose scope-prefixed types build inside their own scope.

    ``get('mmdet.MaskRCNN')`` returns a callable that instantiates mmdet's ``MaskRCNN`` with
    ``'mmdet'`` as the default scope (its ``__wrapped__`` attribute is the class itself).
    Unprefixed and ``thesiscv.`` keys behave exactly as in mmengine.
    """

    def get(self, key: str) -> Optional[Callable]:
        obj = super().get(key)
        scope, _ = self.split_scope_key(key)
        if obj is None or scope is None or scope == self.scope:
            return obj
        return _built_in_scope(obj, scope)


def _child(root: Registry, *locations: str) -> ScopedRegistry:
    return ScopedRegistry(root.name, parent=root, scope=SCOPE, locations=list(locations))


RUNNERS = _child(MMENGINE_RUNNERS, 'thesiscv.engine')
LOOPS = _child(MMENGINE_LOOPS, 'thesiscv.engine')
HOOKS = _child(MMENGINE_HOOKS, 'thesiscv.engine')
LOG_PROCESSORS = _child(MMENGINE_LOG_PROCESSORS, 'thesiscv.engine')
OPTIMIZERS = _child(MMENGINE_OPTIMIZERS, 'thesiscv.engine')
OPTIM_WRAPPERS = _child(MMENGINE_OPTIM_WRAPPERS, 'thesiscv.engine')
OPTIM_WRAPPER_CONSTRUCTORS = _child(MMENGINE_OPTIM_WRAPPER_CONSTRUCTORS, 'thesiscv.engine')
PARAM_SCHEDULERS = _child(MMENGINE_PARAM_SCHEDULERS, 'thesiscv.engine')
MODEL_WRAPPERS = _child(MMENGINE_MODEL_WRAPPERS, 'thesiscv.engine')

DATASETS = _child(MMENGINE_DATASETS, 'thesiscv.datasets')
DATA_SAMPLERS = _child(MMENGINE_DATA_SAMPLERS, 'thesiscv.datasets')
TRANSFORMS = _child(MMENGINE_TRANSFORMS, 'thesiscv.datasets.transforms')
FUNCTIONS = _child(MMENGINE_FUNCTIONS, 'thesiscv.datasets')

MODELS = _child(MMENGINE_MODELS, 'thesiscv.models')
WEIGHT_INITIALIZERS = _child(MMENGINE_WEIGHT_INITIALIZERS, 'thesiscv.models')
TASK_UTILS = _child(MMENGINE_TASK_UTILS, 'thesiscv.models')

METRICS = _child(MMENGINE_METRICS, 'thesiscv.evaluation')
EVALUATOR = _child(MMENGINE_EVALUATOR, 'thesiscv.evaluation')

VISUALIZERS = _child(MMENGINE_VISUALIZERS, 'thesiscv.visualization')
VISBACKENDS = _child(MMENGINE_VISBACKENDS, 'thesiscv.visualization')

INFERENCERS = _child(MMENGINE_INFERENCERS, 'thesiscv.apis')
