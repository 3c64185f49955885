# Thesis Fig. 7.7: a one-class conv VAE trained on MNIST "1"s (the authors' architecture and
# schedule); anomaly SA and DA of the other digits (qualitative: tools/test.py --show-dir),
# image AUROC of the max SA value. MNIST IDX files under data/mnist.
_base_ = [
    './_base_/models/convvae_mnist.py', './_base_/datasets/mnist_oneclass.py',
    './_base_/schedules/adam1e-3_100e.py', './_base_/anomaly_runtime.py'
]
model = dict(maps=('sa', 'da'), traversal=dict(steps=8, s_max=3.0))
