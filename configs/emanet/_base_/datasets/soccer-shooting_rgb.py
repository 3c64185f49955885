# Soccer highlights, task "shooting", RGB videos (see soccer-all_rgb.py).
_base_ = ['./soccer-all_rgb.py']
_meta = dict(metainfo=dict(classes=('Penalty-Kick', 'Goal', 'Free-Kick')))
train_dataloader = dict(
    dataset=dict(_meta, ann_file='annotations/video_lists/shooting_split0_train.txt'))
val_dataloader = dict(
    dataset=dict(_meta, ann_file='annotations/video_lists/shooting_split0_val.txt'))
test_dataloader = dict(
    dataset=dict(_meta, ann_file='annotations/video_lists/shooting_split0_test.txt'))
