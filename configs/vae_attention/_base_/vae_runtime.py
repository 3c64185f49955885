# Runtime of every VAE-attention config: the shared defaults plus the attention visualizer.
_base_ = ['../../_base_/default_runtime.py']

default_hooks = dict(
    checkpoint=dict(type='CheckpointHook', interval=10, max_keep_ckpts=2, save_last=True),
    visualization=dict(type='VisualizationHook', draw=False, interval=50))
visualizer = dict(type='AttentionVisualizer', vis_backends=[dict(type='LocalVisBackend')],
                  name='visualizer')
