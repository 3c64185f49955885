# CPU benchmark for thesis Tables 7.2-7.4: a one-class ResNet-18 VAE per synthetic category
# (MVTec layout, 128x128), scored with anomaly SA, anomaly DA (sigma-refined) and the
# reconstruction difference. Data: python tools/data/make_synthetic.py defects
# Category (stripes, grid, brick, object): --cfg-options train_dataloader.dataset.category=grid
#   val_dataloader.dataset.category=grid test_dataloader.dataset.category=grid
_base_ = [
    './_base_/models/resnet18vae_mvtec.py', './_base_/datasets/synthetic_defects.py',
    './_base_/synthetic_anomaly.py'
]
model = dict(vae=dict(input_size=128), maps=('sa', 'da', 'diffmap'))
val_evaluator = {{_base_.all_map_metrics}}
test_evaluator = val_evaluator
