# Thesis Table 7.4, MVTec-AD "metal_nut": anomaly DA and SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_da.py']
train_dataloader = dict(dataset=dict(category='metal_nut'))
val_dataloader = dict(dataset=dict(category='metal_nut'))
test_dataloader = dict(dataset=dict(category='metal_nut'))
