# CPU benchmark for thesis Tables 7.1 and 7.5 on synthetic walkway clips (UCSD layout):
# anomaly SA and DA at conv2 and the reconstruction difference of one one-class VAE.
# Data: python tools/data/make_synthetic.py ped. Other layers:
#   --cfg-options model.explainer.attention.target_layer=encoder.conv1
_base_ = [
    './_base_/models/convvae_ucsdped1.py', './_base_/datasets/synthetic_ped.py',
    './_base_/synthetic_anomaly.py'
]
model = dict(maps=('sa', 'da', 'diffmap'))
val_evaluator = {{_base_.all_map_metrics}}
test_evaluator = val_evaluator
