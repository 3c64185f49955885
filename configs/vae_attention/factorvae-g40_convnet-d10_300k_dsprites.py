# Thesis Fig. 7.11 baseline: FactorVAE with gamma=40 on dSprites (Kim & Mnih's settings).
_base_ = [
    './_base_/models/factorvae_dsprites.py', './_base_/datasets/dsprites.py',
    './_base_/schedules/factorvae_300k.py', './_base_/iter_runtime.py'
]
model = dict(gamma=40.0)
