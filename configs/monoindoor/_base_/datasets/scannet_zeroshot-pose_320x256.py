# Zero-shot ScanNet relative pose (thesis Table 5.6): the 2000 DeepV2D pairs of
# ``splits/scannet_test_pose_deepv2d.txt`` (``<scene> <frame> <frame>`` per line), ground truth
# P_2^-1 P_1 from the exported poses; rot / tr_deg / tr_cm (DeepV2D metric, P2Net's scale fit).
data_root = 'data/scannet'
test_dataloader = dict(
    batch_size=12, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='ScanNetDataset', data_root=data_root, split_file='scannetv2_test.txt',
                 scans_dir='scans_test', mode='pose',
                 list_file='splits/scannet_test_pose_deepv2d.txt', frame_ids=(0, 1),
                 pipeline=[
                     dict(type='LoadFrameSequence'),
                     dict(type='ResizeWithIntrinsics', scale=(320, 256)),
                     dict(type='PackSelfSupInputs'),
                 ]))
test_evaluator = dict(type='RelativePoseMetric', fit='gt_to_pred')
test_cfg = dict(type='TestLoop')
