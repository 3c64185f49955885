# Thesis Table 7.4, MVTec-AD "screw": anomaly DA and SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_da.py']
train_dataloader = dict(dataset=dict(category='screw'))
val_dataloader = dict(dataset=dict(category='screw'))
test_dataloader = dict(dataset=dict(category='screw'))
