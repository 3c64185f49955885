"""EMA-Net preprocessing (thesis Ch. 2, stages S1-S5): library code behind tools/data/soccer/.

* :mod:`.video`: reading clips (OpenCV / PyAV) with per-clip errors;
* :mod:`.detection`: S1 Mask R-CNN persons and balls (mmdet, by scope);
* :mod:`.pose`: S2 top-down keypoints (mmpose models and transforms, by scope);
* :mod:`.keypoints`: keypoint layouts and the merge into registration joints;
* :mod:`.association`: S3 player-of-interest association;
* :mod:`.registration`: S4 joint-guided registration (Algorithm 1);
* :mod:`.energy`: S5 energy images; :mod:`.crop`: square crops; :mod:`.masks`: mask decoding;
* :mod:`.cache`: per-clip cache files; :mod:`.pipeline`: the resumable stage runner.
"""
from .association import NoPlayerError, associate
from .cache import CacheError
from .energy import energy_image, sample_energy_image
from .keypoints import REG_JOINTS, merge_registration_joints
from .pipeline import STAGES, SoccerPreprocessor
from .registration import register_joints
from .video import VideoReader, VideoReadError, read_video

__all__ = ['SoccerPreprocessor', 'STAGES', 'associate', 'NoPlayerError', 'CacheError',
           'energy_image', 'sample_energy_image', 'REG_JOINTS', 'merge_registration_joints',
           'register_joints', 'VideoReader', 'VideoReadError', 'read_video']
