# Thesis Table 7.4, MVTec-AD "transistor": anomaly DA and SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_da.py']
train_dataloader = dict(dataset=dict(category='transistor'))
val_dataloader = dict(dataset=dict(category='transistor'))
test_dataloader = dict(dataset=dict(category='transistor'))
