# One-class VAE on scikit-learn's real handwritten digits (normal class "1"); no pixel masks,
# so the test scores image AUROC (the other digits are the anomalies) and --show-dir draws the
# anomaly SA/DA maps. Data: python tools/data/make_synthetic.py sklearn_digits
_base_ = [
    './_base_/models/convvae_mnist.py', './_base_/datasets/sklearn_digits_oneclass.py',
    './_base_/synthetic_anomaly.py'
]
model = dict(maps=('sa', 'da'))
