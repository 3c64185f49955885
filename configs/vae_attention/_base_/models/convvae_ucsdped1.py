# One-class conv VAE for 100x100 UCSD Ped1 frames (spec 2.6.2): conv1/conv2/conv3 give the
# 50/25/12 px maps of Table 7.1; conv2 is the thesis's best target layer.
model = dict(
    type='OneClassVAEDetector',
    data_preprocessor=dict(type='ImgDataPreprocessor'),
    vae=dict(type='ConvVAE', in_channels=1, input_size=100, enc_channels=(64, 128, 256),
             fc_hidden=1024, latent_dim=32, recon_loss='mse'),
    explainer=dict(
        type='DistributionAttention',
        attention=dict(type='VAEAttention', target_layer='encoder.conv2', latent_source='ndd'),
        num_samples=32, refine=dict(a=10.0, b=0.5, sigma_norm='minmax')),
    ndd=dict(normal_stats='train_aggregate', sign='x_minus_y'),
    maps=('sa', ),
    image_score='max_map')
