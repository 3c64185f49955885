# MonoIndoor++ on EuRoC MAV (thesis Tables 5.2, 5.8): scale bins up to D_max = 20, L_d weight
# gamma = 0.1, 40 epochs.
_base_ = [
    './_base_/depth_runtime.py', './_base_/models/monoindoorpp_r18.py',
    './_base_/datasets/euroc_512x256.py', './_base_/schedules/adam_40e.py'
]
model = dict(
    input_size=(256, 512),
    scale_net=dict(feat_size=(8, 16), head=dict(max_scale=20.0)),
    consistency_loss=dict(loss_weight=0.1))
