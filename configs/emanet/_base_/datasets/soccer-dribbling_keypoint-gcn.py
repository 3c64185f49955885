# Soccer highlights, task "dribbling", player keypoint tracks (see soccer-all_keypoint-gcn.py).
_base_ = ['./soccer-all_keypoint-gcn.py']
_meta = dict(ann_file='annotations/skeleton_dribbling.pkl',
             metainfo=dict(classes=('Stepover', 'Elastico', 'Chop')))
train_dataloader = dict(dataset=_meta)
val_dataloader = dict(dataset=_meta)
test_dataloader = dict(dataset=_meta)
