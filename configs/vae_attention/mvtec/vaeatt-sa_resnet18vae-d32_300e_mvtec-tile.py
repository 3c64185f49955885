# Thesis Tables 7.2-7.3, MVTec-AD "tile": anomaly SA of a one-class ResNet-18 VAE.
_base_ = ['../_base_/mvtec_sa.py']
train_dataloader = dict(dataset=dict(category='tile'))
val_dataloader = dict(dataset=dict(category='tile'))
test_dataloader = dict(dataset=dict(category='tile'))
