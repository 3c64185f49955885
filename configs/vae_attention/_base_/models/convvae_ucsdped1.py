# One-class conv VAE for 100x100 UCSD Ped1 frames (spec 2.6.2): conv1/conv2/conv3 give the
# 50/25/12 px maps of Table 7.1; conv2, the thesis's best target layer, is the default.
_base_ = ['./convvae_mnist.py']
model = dict(vae=dict(input_size=100, enc_channels=(64, 128, 256), recon_loss='mse'))
