# CPU benchmark for thesis Fig. 7.7: a one-class conv VAE trained on procedural "1"s; anomaly
# attention (SA, DA) and the reconstruction difference are scored against the top-bar masks of
# the "7"s (pixel AUROC / best IoU pooled over all test digits). Data:
#   python tools/data/make_synthetic.py digits
_base_ = [
    './_base_/models/convvae_mnist.py', './_base_/datasets/synthetic_digits_oneclass.py',
    './_base_/synthetic_anomaly.py'
]
model = dict(maps=('sa', 'da', 'diffmap'), traversal=dict(steps=8, s_max=3.0))
val_evaluator = {{_base_.all_map_metrics}}
test_evaluator = val_evaluator
