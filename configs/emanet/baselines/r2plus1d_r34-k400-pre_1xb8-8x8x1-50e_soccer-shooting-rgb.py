# R(2+1)D-34 (Tran et al., Table 2.6) on the soccer shooting clips, RGB, 8 frames (interval 8).
_base_ = ['../_base_/emanet_runtime.py', '../_base_/models/r2plus1d_r34.py',
          '../_base_/datasets/soccer-shooting_rgb.py', '../_base_/schedules/sgd_cosine_50e.py']
train_pipeline = [
    dict(type='OpenCVInit'),
    dict(type='SampleFrames', clip_len=8, frame_interval=8, num_clips=1),
    dict(type='OpenCVDecode'),
    dict(type='Resize', scale=(-1, 128)),
    dict(type='RandomCrop', size=112),
    dict(type='Flip', flip_ratio=0.5),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs'),
]
test_pipeline = [
    dict(type='OpenCVInit'),
    dict(type='SampleFrames', clip_len=8, frame_interval=8, num_clips=1, test_mode=True),
    dict(type='OpenCVDecode'),
    dict(type='Resize', scale=(-1, 128)),
    dict(type='CenterCrop', crop_size=112),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs'),
]
train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(dataset=dict(pipeline=test_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
