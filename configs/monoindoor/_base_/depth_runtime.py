# Runtime of every monoindoor config: the shared defaults plus best-checkpoint selection on
# AbsRel and depth pictures (input | prediction | ground truth | error) for --show-dir.
_base_ = '../../_base_/default_runtime.py'
default_hooks = dict(
    logger=dict(type='LoggerHook', interval=20),
    checkpoint=dict(type='CheckpointHook', interval=1, max_keep_ckpts=1,
                    save_best='depth/abs_rel', rule='less'),
    visualization=dict(type='VisualizationHook', draw=False, interval=50))
visualizer = dict(type='DepthVisualizer', vis_backends=[dict(type='LocalVisBackend')],
                  name='visualizer')
