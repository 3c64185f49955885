# beta-VAE baseline on 64x64 binary sprites: the FactorVAE encoder/decoder with
# L = recon + beta * KL (kl_weight) and no discriminator (thesis Fig. 7.11).
model = dict(
    type='ConvVAE', data_preprocessor=dict(type='ImgDataPreprocessor'), in_channels=1,
    input_size=64, enc_channels=(32, 32, 64, 64), fc_hidden=128, latent_dim=10,
    recon_loss='bce', kl_weight=4.0)

optim_wrapper = dict(type='OptimWrapper',
                     optimizer=dict(type='Adam', lr=1e-4, betas=(0.9, 0.999)))
