# Table 5.9 design III with attention and direct regression (S = D_max sigmoid).
_base_ = './monoindoorpp-rp-df_r18_40e_euroc-512x256.py'
model = dict(scale_net=dict(head=dict(_delete_=True, type='DirectScaleHead', max_scale=20.0)))
