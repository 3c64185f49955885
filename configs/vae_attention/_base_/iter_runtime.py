# Runtime of the iteration-based (dSprites) configs: logs and checkpoints by iteration.
_base_ = ['./vae_runtime.py']

default_hooks = dict(
    logger=dict(type='LoggerHook', interval=100),
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=50000, max_keep_ckpts=2,
                    save_last=True))
log_processor = dict(by_epoch=False)
