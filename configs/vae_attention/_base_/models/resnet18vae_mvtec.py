# One-class ResNet-18 VAE for 256x256 MVTec-AD images (spec 2.6.3), attention at layer4
# (the last conv stage before the FC heads).
model = dict(
    type='OneClassVAEDetector',
    data_preprocessor=dict(type='ImgDataPreprocessor'),
    vae=dict(type='ResNet18VAE', in_channels=3, input_size=256, latent_dim=32, neck='flatten',
             recon_loss='mse'),
    explainer=dict(
        type='DistributionAttention',
        attention=dict(type='VAEAttention', target_layer='encoder.resnet.layer4',
                       latent_source='ndd'),
        num_samples=32, refine=dict(a=10.0, b=0.5, sigma_norm='minmax')),
    ndd=dict(normal_stats='train_aggregate', sign='x_minus_y'),
    maps=('sa', ),
    image_score='max_map')
