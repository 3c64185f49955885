# The MVTec-AD SA experiment (thesis Tables 7.2, 7.3): one-class ResNet-18 VAE, 300 epochs of
# Adam 1e-4, anomaly SA at layer4; mvtec/*.py set the category.
_base_ = [
    './models/resnet18vae_mvtec.py', './datasets/mvtec_ad.py', './schedules/adam1e-4_300e.py',
    './anomaly_runtime.py'
]
