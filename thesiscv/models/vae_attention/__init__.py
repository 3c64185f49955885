"""VAE attention (thesis chapter 7): attention maps for VAEs, anomaly localisation with one-class
VAEs, and the attention-disentangled FactorVAE."""
from .ad_loss import AttentionDisentangleLoss, attention_overlap
from .attention import VAEAttention, latent_attention
from .base_vae import BaseVAE
from .conv_vae import ConvVAE
from .detector import OneClassVAEDetector
from .discriminator import FactorVAEDiscriminator
from .distribution_attention import DistributionAttention, refine_attention
from .factor_vae import FactorVAE, permute_dims
from .ndd import NormalDifferenceDistribution
from .resnet_vae import ResNet18VAE

__all__ = ['AttentionDisentangleLoss', 'attention_overlap', 'VAEAttention', 'latent_attention',
           'BaseVAE', 'ConvVAE', 'OneClassVAEDetector', 'FactorVAEDiscriminator',
           'DistributionAttention', 'refine_attention', 'FactorVAE', 'permute_dims',
           'NormalDifferenceDistribution', 'ResNet18VAE']
