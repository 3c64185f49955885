# Thesis Table 7.4, MVTec-AD "wood": anomaly DA and SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_da.py']
train_dataloader = dict(dataset=dict(category='wood'))
val_dataloader = dict(dataset=dict(category='wood'))
test_dataloader = dict(dataset=dict(category='wood'))
