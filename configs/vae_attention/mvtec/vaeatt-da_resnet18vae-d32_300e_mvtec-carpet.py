# Thesis Table 7.4, MVTec-AD "carpet": anomaly DA and SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_da.py']
train_dataloader = dict(dataset=dict(category='carpet'))
val_dataloader = dict(dataset=dict(category='carpet'))
test_dataloader = dict(dataset=dict(category='carpet'))
