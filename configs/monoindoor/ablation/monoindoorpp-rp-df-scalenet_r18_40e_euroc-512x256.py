# Table 5.9 design II (ScaleNet): own ResNet-18 on the image + two residual blocks, attention,
# probabilistic head (RP on, CC off).
_base_ = './monoindoorpp-rp-df_r18_40e_euroc-512x256.py'
model = dict(scale_net=dict(type='ScaleNet', pretrained={{_base_.imagenet}}))
