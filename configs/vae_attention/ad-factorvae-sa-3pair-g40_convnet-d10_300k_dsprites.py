# Thesis Table 7.6: AD-FactorVAE, 3 pair(s) of SA maps (L_AD over the first 3 latent dims),
# gamma=40, lambda=1 (not given by the thesis), on dSprites.
_base_ = ['./factorvae-g40_convnet-d10_300k_dsprites.py']
model = dict(ad_loss=dict(type='AttentionDisentangleLoss', target_layer='encoder.conv4',
                          num_dims=3, mode='sa', loss_weight=1.0))
