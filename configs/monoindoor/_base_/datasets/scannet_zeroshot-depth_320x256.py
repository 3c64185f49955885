# Zero-shot ScanNet depth (thesis Table 5.5, P2Net protocol): the 533 test images of P2Net's
# list ``splits/scannet_test_depth.txt`` (``<scene> <frame>`` per line) at 320 x 256, ground truth
# at 640 x 480, median scaling, 0.1-10 m. Test-only: evaluate an NYUv2-trained checkpoint.
data_root = 'data/scannet'
test_dataloader = dict(
    batch_size=12, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='ScanNetDataset', data_root=data_root, split_file='scannetv2_test.txt',
                 scans_dir='scans_test', mode='test', list_file='splits/scannet_test_depth.txt',
                 frame_ids=(0, ),
                 pipeline=[
                     dict(type='LoadFrameSequence'),
                     dict(type='LoadDepthGT'),
                     dict(type='ResizeWithIntrinsics', scale=(320, 256)),
                     dict(type='PackSelfSupInputs'),
                 ]))
test_evaluator = dict(type='DepthMetric', min_depth=0.1, max_depth=10.0)
test_cfg = dict(type='TestLoop')
