# Table 5.9 design I (ScaleCNN): own ResNet-18 on the image + Conv-BN-ReLU layers, attention,
# probabilistic head (RP on, CC off).
_base_ = './monoindoorpp-rp-df_r18_40e_euroc-512x256.py'
model = dict(scale_net=dict(type='ScaleCNN', pretrained={{_base_.imagenet}}))
