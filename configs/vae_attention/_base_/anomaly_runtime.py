# Runtime of the one-class anomaly configs: the NDD statistics are refreshed from the normal
# training images after training epochs and before validation/testing (NormalStatsHook).
_base_ = ['./vae_runtime.py']

custom_hooks = [dict(type='NormalStatsHook', interval=10)]
