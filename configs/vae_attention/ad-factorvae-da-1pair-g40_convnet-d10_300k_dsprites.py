# Thesis Fig. 7.11 "AD-FactorVAE (DA)": L_AD on sigma-weighted distribution-attention maps
# (4 codes per image) of one pair of latent dims, gamma=40, lambda=1, on dSprites.
_base_ = ['./factorvae-g40_convnet-d10_300k_dsprites.py']
model = dict(ad_loss=dict(type='AttentionDisentangleLoss', target_layer='encoder.conv4',
                          num_dims=2, mode='da', da_samples=4, loss_weight=1.0))
