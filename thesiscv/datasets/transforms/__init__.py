
from .vae_attention import LoadAnomalyMask, PackVAEInputs  # noqa: F401
from .frame_geometry import (CropBorder, RandomFlipSequence,  # noqa: F401
                             ResizeWithIntrinsics, Undistort)
from .frame_loading import LoadDepthGT, LoadFrameSequence  # noqa: F401
from .pack_depth_inputs import PackSelfSupInputs  # noqa: F401
from .photometric_aug import ConsistentColorJitter  # noqa: F401
from .emanet_augment import SyncRandomFlip, SyncRandomResizedCrop  # noqa: F401
from .emanet_crop import PlayerMaskCrop  # noqa: F401
from .emanet_formatting import PackEMAInputs  # noqa: F401
from .emanet_loading import EnergyImageTransform, LoadSoccerMasks, SampleMaskFrames  # noqa: F401
