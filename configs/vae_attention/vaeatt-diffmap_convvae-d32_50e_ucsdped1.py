# Thesis Table 7.1, column "diffmap": the reconstruction difference |x - x_hat| of the
# one-class UCSD Ped1 VAE, scored by pooled pixel AUROC.
_base_ = [
    './_base_/models/convvae_ucsdped1.py', './_base_/datasets/ucsd_ped1.py',
    './_base_/schedules/adam1e-3_50e.py', './_base_/anomaly_runtime.py'
]
model = dict(maps=('diffmap', ))
