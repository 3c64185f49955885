# Soccer highlights, task "shooting", player keypoint tracks (see soccer-all_keypoint-heatmap.py).
_base_ = ['./soccer-all_keypoint-heatmap.py']
_meta = dict(ann_file='annotations/skeleton_shooting.pkl',
             metainfo=dict(classes=('Penalty-Kick', 'Goal', 'Free-Kick')))
train_dataloader = dict(dataset=_meta)
val_dataloader = dict(dataset=_meta)
test_dataloader = dict(dataset=_meta)
