# One-class conv VAE for 28x28 digits (spec 2.6.1, the authors' MNIST architecture) with
# anomaly attention from the normal difference distribution (thesis Sec. 7.4).
model = dict(
    type='OneClassVAEDetector',
    data_preprocessor=dict(type='ImgDataPreprocessor'),
    vae=dict(type='ConvVAE', in_channels=1, input_size=28, enc_channels=(64, 128),
             fc_hidden=1024, latent_dim=32, recon_loss='bce'),
    explainer=dict(
        type='DistributionAttention',
        attention=dict(type='VAEAttention', target_layer='encoder.conv2', latent_source='ndd'),
        num_samples=32, refine=dict(a=10.0, b=0.5, sigma_norm='minmax')),
    ndd=dict(normal_stats='train_aggregate', sign='x_minus_y'),
    maps=('sa', ),
    image_score='max_map')
