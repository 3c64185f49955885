# Runtime defaults shared by every thesiscv config (mmengine Runner keys).
default_scope = 'thesiscv'

default_hooks = dict(
    timer=dict(type='IterTimerHook'),
    logger=dict(type='LoggerHook', interval=10),
    param_scheduler=dict(type='ParamSchedulerHook'),
    checkpoint=dict(type='CheckpointHook', interval=1, max_keep_ckpts=3),
    sampler_seed=dict(type='DistSamplerSeedHook'),
)

env_cfg = dict(
    cudnn_benchmark=False,
    mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0),
    # nccl on GPUs; thesiscv.utils.compat.init_dist switches to gloo where CUDA is absent
    dist_cfg=dict(backend='nccl'),
)

# device_ids=None lets DDP use the device the model already sits on: right for a CPU module
# (where a device id is an error) and for a single-GPU module alike.
model_wrapper_cfg = dict(
    type='MMDistributedDataParallel',
    device_ids=None,
    broadcast_buffers=False,
    find_unused_parameters=False)

vis_backends = [dict(type='LocalVisBackend')]
log_processor = dict(type='LogProcessor', window_size=10, by_epoch=True)
log_level = 'INFO'
load_from = None
resume = False
randomness = dict(seed=0)
visualizer = dict(type='Visualizer', vis_backends=vis_backends, name='visualizer')
