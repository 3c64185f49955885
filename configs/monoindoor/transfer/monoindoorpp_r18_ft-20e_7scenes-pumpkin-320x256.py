# MonoIndoor++ fine-tuned on 7-Scenes pumpkin and tested there (Table 5.7B).
_base_ = './monoindoorpp_r18_ft-20e_7scenes-320x256.py'
train_dataloader = dict(dataset=dict(scenes=('pumpkin', )))
val_dataloader = dict(dataset=dict(scenes=('pumpkin', )))
test_dataloader = val_dataloader
