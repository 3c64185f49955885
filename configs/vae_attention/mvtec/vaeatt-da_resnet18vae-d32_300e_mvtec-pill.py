# Thesis Table 7.4, MVTec-AD "pill": anomaly DA and SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_da.py']
train_dataloader = dict(dataset=dict(category='pill'))
val_dataloader = dict(dataset=dict(category='pill'))
test_dataloader = dict(dataset=dict(category='pill'))
