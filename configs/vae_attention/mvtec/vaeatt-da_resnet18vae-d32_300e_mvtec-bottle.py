# Thesis Table 7.4, MVTec-AD "bottle": anomaly DA and SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_da.py']
train_dataloader = dict(dataset=dict(category='bottle'))
val_dataloader = dict(dataset=dict(category='bottle'))
test_dataloader = dict(dataset=dict(category='bottle'))
