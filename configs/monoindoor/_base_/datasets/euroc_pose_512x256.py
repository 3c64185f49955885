# EuRoC MAV pose evaluation (thesis Table 5.3): consecutive cam0 frame pairs of the test
# sequences with interpolated ground-truth poses; chained trajectories, Sim(3)-aligned ATE and
# RPE (m, degrees) per sequence. Evaluate one sequence at a time to get the table's rows:
# --cfg-options "test_dataloader.dataset.sequences=[V1_03_difficult]".
data_root = 'data/euroc'
test_dataloader = dict(
    batch_size=12, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='EuRoCDataset', data_root=data_root,
                 sequences=('V1_03_difficult', 'V2_01_easy', 'V2_02_medium', 'V2_03_difficult'),
                 mode='pose', frame_ids=(0, 1), frame_stride=1,
                 pipeline=[
                     dict(type='LoadFrameSequence'),
                     dict(type='Undistort'),
                     dict(type='ResizeWithIntrinsics', scale=(512, 256)),
                     dict(type='PackSelfSupInputs'),
                 ]))
test_evaluator = dict(type='TrajectoryMetric', ate_mode='full')
test_cfg = dict(type='TestLoop')
