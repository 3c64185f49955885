"""thesiscv's registries: own modules by config dict; mmdet/mmpose/mmaction by scope prefix."""
import os

import numpy as np
import pytest
import torch
from mmengine.config import Config
from mmengine.registry import MODELS as MMENGINE_MODELS

from thesiscv.registry import DATASETS, HOOKS, METRICS, MODELS, TRANSFORMS, VISUALIZERS


def test_registries_are_children_in_scope_thesiscv():
    for registry in (MODELS, DATASETS, TRANSFORMS, METRICS, HOOKS, VISUALIZERS):
        assert registry.scope == 'thesiscv'
        assert registry.parent is not None and registry.parent.scope == 'mmengine'


def test_own_module_builds_from_dict_and_through_mmengine_root():
    encoder = MODELS.build(dict(type='ResNetEncoder', depth=18))
    feats = encoder(torch.randn(1, 3, 64, 64))
    assert [f.shape[1] for f in feats] == list(encoder.channels)
    # the Runner builds through mmengine's root registry under default scope 'thesiscv'
    assert type(MMENGINE_MODELS.build(dict(type='ResNetEncoder', depth=18))) is type(encoder)
    hook = HOOKS.build(dict(type='VisualizationHook', draw=True))
    assert hook.draw


def test_unknown_type_names_the_key():
    with pytest.raises(KeyError, match='NoSuchModel'):
        MODELS.build(dict(type='NoSuchModel'))


def _mmdet_config(name: str) -> Config:
    import mmdet
    return Config.fromfile(os.path.join(os.path.dirname(mmdet.__file__), '.mim', 'configs', name))


def test_mmdet_mask_rcnn_runs_cpu_inference():
    from mmdet.structures import DetDataSample
    cfg = _mmdet_config('mask_rcnn/mask-rcnn_r50_fpn_1x_coco.py').model
    cfg.type = 'mmdet.MaskRCNN'  # nested types (ResNet, FPN, RPNHead, ...) resolve in mmdet
    cfg.backbone.init_cfg = None
    model = MODELS.build(cfg).eval()
    image = torch.from_numpy(np.random.RandomState(0).randint(0, 255, (3, 96, 128), np.uint8))
    sample = DetDataSample(metainfo=dict(img_shape=(96, 128), ori_shape=(96, 128),
                                         scale_factor=(1.0, 1.0)))
    with torch.no_grad():
        result = model.test_step(dict(inputs=[image], data_samples=[sample]))[0]
    instances = result.pred_instances
    assert instances.bboxes.shape[1] == 4
    assert instances.masks.shape[1:] == (96, 128)
    assert len(instances.scores) == len(instances.bboxes) == len(instances.labels)


def test_mmaction_recognizer3d_forward():
    model = MODELS.build(dict(
        type='mmaction.Recognizer3D',
        backbone=dict(type='ResNet3d', depth=18, pretrained=None, pretrained2d=False,
                      conv1_kernel=(3, 7, 7), inflate=(1, 1, 1, 1)),
        cls_head=dict(type='I3DHead', num_classes=6, in_channels=512, average_clips='prob'),
        data_preprocessor=dict(type='ActionDataPreprocessor', format_shape='NCTHW')))
    from mmaction.structures import ActionDataSample
    # N samples of (num_clips, C, T, H, W)
    inputs = list(torch.randint(0, 255, (2, 1, 3, 4, 32, 32), dtype=torch.uint8))
    samples = [ActionDataSample().set_gt_label(1), ActionDataSample().set_gt_label(3)]
    with torch.no_grad():
        results = model.test_step(dict(inputs=inputs, data_samples=samples))
    scores = torch.stack([r.pred_score.flatten() for r in results])
    assert scores.shape == (2, 6)
    torch.testing.assert_close(scores.sum(1), torch.ones(2))  # softmax over the 6 classes


def test_mmpose_topdown_forward():
    model = MODELS.build(dict(
        type='mmpose.TopdownPoseEstimator',
        backbone=dict(type='ResNet', depth=18),
        head=dict(type='HeatmapHead', in_channels=512, out_channels=17,
                  loss=dict(type='KeypointMSELoss', use_target_weight=True),
                  decoder=dict(type='MSRAHeatmap', input_size=(64, 64), heatmap_size=(16, 16),
                               sigma=2)),
        data_preprocessor=dict(type='PoseDataPreprocessor')))
    with torch.no_grad():
        heatmaps = model(torch.randn(1, 3, 64, 64), None, mode='tensor')
    assert heatmaps.shape == (1, 17, 16, 16)
