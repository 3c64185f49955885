# Soccer highlights, task "dribbling", RGB videos (see soccer-all_rgb.py).
_base_ = ['./soccer-all_rgb.py']
_meta = dict(metainfo=dict(classes=('Stepover', 'Elastico', 'Chop')))
train_dataloader = dict(
    dataset=dict(_meta, ann_file='annotations/video_lists/dribbling_split0_train.txt'))
val_dataloader = dict(
    dataset=dict(_meta, ann_file='annotations/video_lists/dribbling_split0_val.txt'))
test_dataloader = dict(
    dataset=dict(_meta, ann_file='annotations/video_lists/dribbling_split0_test.txt'))
