# CPU benchmark for thesis Table 7.6 / Fig. 7.11: FactorVAE (gamma=40) on the procedural
# sprites grid for 2,000 iterations of batch 64 (two halves of 32; Adam 1e-3 for the VAE); the
# Kim & Mnih metric is computed on the whole grid.
# Data: python tools/data/make_synthetic.py sprites
_base_ = [
    './_base_/models/factorvae_dsprites.py', './_base_/datasets/synthetic_sprites.py',
    './_base_/iter_runtime.py'
]
model = dict(gamma=40.0)
optim_wrapper = dict(vae=dict(optimizer=dict(lr=1e-3)))
train_dataloader = dict(batch_size=64)
train_cfg = dict(type='IterBasedTrainLoop', max_iters=2000, val_interval=1000)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
default_hooks = dict(checkpoint=dict(interval=1000, max_keep_ckpts=1))
