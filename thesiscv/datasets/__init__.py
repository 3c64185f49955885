"""Datasets (one file per on-disk format), transforms and synthetic generators."""
from . import synthetic  # noqa: F401
from .transforms import *  # noqa: F401,F403
from .dsprites import DSpritesDataset  # noqa: F401
from .mnist import OneClassMNIST  # noqa: F401
from .mvtec import MVTecADDataset  # noqa: F401
from .ucsd_ped1 import UCSDPedDataset  # noqa: F401
from .soccer import SoccerHighlightDataset  # noqa: F401
from .scannet import ScanNetDataset  # noqa: F401
from .nyuv2 import NYUv2LabeledDataset, NYUv2RawDataset  # noqa: F401
from .euroc import EuRoCDataset  # noqa: F401
from .seven_scenes import SevenScenesDataset  # noqa: F401
from . import soccer_skeleton  # noqa: F401  (PoseDataset files; np.Inf alias)
