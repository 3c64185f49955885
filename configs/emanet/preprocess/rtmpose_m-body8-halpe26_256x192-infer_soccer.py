# S2, second keypoint source (spec §2.2): Halpe-26 keypoints by mmpose's RTMPose-m, the stand-in
# for OpenPose BODY_25 (neck, mid-hip, toes, heels; converted to the BODY_25 order). Weights: a
# local checkpoint (--body25-checkpoint ...). OpenPose JSON can be imported instead with
# tools/data/soccer/import_openpose.py.
_base_ = ['mmpose::body_2d_keypoint/rtmpose/body8/rtmpose-m_8xb512-700e_body8-halpe26-256x192.py']
default_scope = 'thesiscv'
model = dict(type='mmpose.TopdownPoseEstimator', backbone=dict(init_cfg=None))
metainfo = 'configs/_base_/datasets/halpe26.py'
