# Procedural sprites in the dSprites npz format (make_synthetic.py sprites): the default
# 3 shapes x 3 scales x 4 orientations x 8 x 8 positions grid, scored whole.
_base_ = ['./dsprites.py']
data_root = 'data/sprites_synthetic'
ann_file = 'dsprites_procedural_co1sh3sc3or4x8y8_64x64.npz'
train_dataloader = dict(num_workers=0, persistent_workers=False,
                        dataset=dict(data_root=data_root, ann_file=ann_file))
val_dataloader = dict(num_workers=0, persistent_workers=False,
                      dataset=dict(data_root=data_root, ann_file=ann_file, subset_size=None))
test_dataloader = val_dataloader
