# CPU benchmark for thesis Tables 7.2-7.4: a one-class ResNet-18 VAE per synthetic category
# (MVTec layout, 128x128, 40 epochs), scored with anomaly SA, anomaly DA (sigma-refined) and the
# reconstruction difference. Attention at layer3: at 128 px its 8x8 maps have the resolution
# of the thesis's layer4 at 256 px. Data: python tools/data/make_synthetic.py defects
# Category (stripes, grid, brick, object, nut, capsule):
#   --cfg-options train_dataloader.dataset.category=nut val_dataloader.dataset.category=nut
#   test_dataloader.dataset.category=nut
_base_ = [
    './_base_/models/resnet18vae_mvtec.py', './_base_/datasets/synthetic_defects.py',
    './_base_/synthetic_anomaly.py'
]
model = dict(
    vae=dict(input_size=128),
    explainer=dict(attention=dict(target_layer='encoder.resnet.layer3')),
    maps=('sa', 'da', 'diffmap'))
train_cfg = dict(max_epochs=40, val_interval=40)
val_evaluator = {{_base_.all_map_metrics}}
test_evaluator = val_evaluator
