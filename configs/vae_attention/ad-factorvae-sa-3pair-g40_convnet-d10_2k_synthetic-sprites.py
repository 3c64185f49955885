# AD-FactorVAE with three pairs of attention maps (all pairs of 3 latent dims, Eq. 7.8).
_base_ = ['./ad-factorvae-sa-1pair-g40_convnet-d10_2k_synthetic-sprites.py']
model = dict(ad_loss=dict(num_dims=3))
