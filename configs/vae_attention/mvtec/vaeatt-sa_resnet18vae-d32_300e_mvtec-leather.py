# Thesis Tables 7.2-7.3, MVTec-AD "leather": anomaly SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_sa.py']
train_dataloader = dict(dataset=dict(category='leather'))
val_dataloader = dict(dataset=dict(category='leather'))
test_dataloader = dict(dataset=dict(category='leather'))
