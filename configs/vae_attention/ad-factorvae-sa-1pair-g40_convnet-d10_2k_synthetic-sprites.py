# AD-FactorVAE (thesis Eq. 7.9): the synthetic FactorVAE benchmark plus the attention
# disentanglement loss on one pair of latent dims (SA maps at conv4, lambda = 1).
_base_ = ['./factorvae-g40_convnet-d10_2k_synthetic-sprites.py']
model = dict(ad_loss=dict(type='AttentionDisentangleLoss', target_layer='encoder.conv4',
                          num_dims=2, mode='sa', loss_weight=1.0))
