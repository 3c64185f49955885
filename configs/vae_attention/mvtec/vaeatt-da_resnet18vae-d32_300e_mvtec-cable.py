# Thesis Table 7.4, MVTec-AD "cable": anomaly DA and SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_da.py']
train_dataloader = dict(dataset=dict(category='cable'))
val_dataloader = dict(dataset=dict(category='cable'))
test_dataloader = dict(dataset=dict(category='cable'))
