# Monodepth2 fine-tuned on 7-Scenes chess and tested there (Table 5.7B).
_base_ = './monodepth2_r18_ft-20e_7scenes-320x256.py'
train_dataloader = dict(dataset=dict(scenes=('chess', )))
val_dataloader = dict(dataset=dict(scenes=('chess', )))
test_dataloader = val_dataloader
