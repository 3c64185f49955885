# Monodepth2 fine-tuned on 7-Scenes stairs and tested there (Table 5.7B).
_base_ = './monodepth2_r18_ft-20e_7scenes-320x256.py'
train_dataloader = dict(dataset=dict(scenes=('stairs', )))
val_dataloader = dict(dataset=dict(scenes=('stairs', )))
test_dataloader = val_dataloader
