# MonoIndoor++ (thesis §5.3): Monodepth2 + depth factorization (transformer scale regressor with
# the probabilistic head, Eqs. 5.9-5.11) + residual pose (K = 1, Eqs. 5.12-5.15) + coordinate
# convolution at the pose input (Eq. 5.16) + depth consistency (Eq. 5.6, gamma = 0.035).
_base_ = './monodepth2_r18.py'
model = dict(
    depth_head=dict(_delete_=True, type='FactorizedDepthHead', rel_min_depth=0.01,
                    rel_max_depth=1.0),
    scale_net=dict(
        type='ScaleTransformer', in_channels=512, feat_size=(8, 10), attn=True, attn_dim=128,
        rel_pos=True, num_res_blocks=2, res_channels=256, fc_dims=(256, 128), dropout=0.5,
        head=dict(type='ProbabilisticScaleHead', max_scale=10.0)),
    pose_module=dict(
        encoder=dict(coord_init='imagenet'),
        num_iters=1,
        warp_mode='sequential',
        coord_conv=dict(type='CoordConvEncoding', position='input')),
    consistency_loss=dict(type='DepthConsistencyLoss', loss_weight=0.035, formulation='thesis'))
