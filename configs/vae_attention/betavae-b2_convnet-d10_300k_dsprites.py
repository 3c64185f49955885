# Thesis Fig. 7.11 baseline: beta-VAE with beta=2 (the FactorVAE encoder/decoder, no
# discriminator) on dSprites.
_base_ = [
    './_base_/models/betavae_dsprites.py', './_base_/datasets/dsprites.py',
    './_base_/schedules/factorvae_300k.py', './_base_/iter_runtime.py'
]
model = dict(kl_weight=2.0)
