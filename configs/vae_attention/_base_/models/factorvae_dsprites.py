# FactorVAE on 64x64 binary sprites (Kim & Mnih 2018; spec 2.6.4). Adding
# model.ad_loss=dict(type='AttentionDisentangleLoss', ...) gives AD-FactorVAE (Eq. 7.9).
model = dict(
    type='FactorVAE',
    data_preprocessor=dict(type='ImgDataPreprocessor'),
    vae=dict(type='ConvVAE', in_channels=1, input_size=64, enc_channels=(32, 32, 64, 64),
             fc_hidden=128, latent_dim=10, recon_loss='bce'),
    discriminator=dict(type='FactorVAEDiscriminator', latent_dim=10, hidden=1000,
                       num_layers=5),
    gamma=40.0,
    vis_attention=dict(type='VAEAttention', target_layer='encoder.conv4'))

optim_wrapper = dict(
    constructor='MultiOptimWrapperConstructor',
    vae=dict(type='OptimWrapper', optimizer=dict(type='Adam', lr=1e-4, betas=(0.9, 0.999))),
    discriminator=dict(type='OptimWrapper',
                       optimizer=dict(type='Adam', lr=1e-4, betas=(0.5, 0.9))))
