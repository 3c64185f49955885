# Runtime of every EMA-Net and soccer-baseline config: the project's defaults, the soccer metrics
# (AP, AR, A-F1, per-class F1, confusion matrix; mmaction2's accuracy) and action pictures.
_base_ = ['../../_base_/default_runtime.py']

default_hooks = dict(
    checkpoint=dict(type='CheckpointHook', interval=1, max_keep_ckpts=3,
                    save_best='soccer/a_f1', rule='greater'),
    # tools/test.py --show-dir DIR turns drawing on (energy image | mask frames, gt / pred)
    visualization=dict(type='VisualizationHook', draw=False, interval=50))
visualizer = dict(type='ActionVisualizer', vis_backends=[dict(type='LocalVisBackend')],
                  name='visualizer')

val_evaluator = [dict(type='MacroPRF1Metric'),
                 dict(type='mmaction.AccMetric',
                      metric_list=('top_k_accuracy', 'mean_class_accuracy'),
                      metric_options=dict(top_k_accuracy=dict(topk=(1,))))]
test_evaluator = val_evaluator
