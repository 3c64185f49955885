# Thesis Table 7.6: AD-FactorVAE, 1 pair(s) of SA maps (L_AD over the first 2 latent dims),
# gamma=10, lambda=1 (not given by the thesis), on dSprites.
_base_ = ['./factorvae-g10_convnet-d10_300k_dsprites.py']
model = dict(ad_loss=dict(type='AttentionDisentangleLoss', target_layer='encoder.conv4',
                          num_dims=2, mode='sa', loss_weight=1.0))
