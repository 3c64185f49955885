# Registration mode "none" for the energy images (spec §2.4 d; "none" is Fig. 2.4's "without
# registration"). Build its cache first:
#   python tools/data/soccer/preprocess.py data/soccer --stages energy --energy-modes none
_base_ = ['../emanet_vit-b16_1xb8-16f-50e_soccer-shooting.py']
train_dataloader = dict(dataset=dict(registration_mode='none'))
val_dataloader = dict(dataset=dict(registration_mode='none'))
test_dataloader = dict(dataset=dict(registration_mode='none'))
