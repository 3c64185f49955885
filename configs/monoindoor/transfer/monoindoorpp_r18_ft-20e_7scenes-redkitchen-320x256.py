# MonoIndoor++ fine-tuned on 7-Scenes redkitchen and tested there (Table 5.7B).
_base_ = './monoindoorpp_r18_ft-20e_7scenes-320x256.py'
train_dataloader = dict(dataset=dict(scenes=('redkitchen', )))
val_dataloader = dict(dataset=dict(scenes=('redkitchen', )))
test_dataloader = val_dataloader
