# Thesis Table 7.1, "Ours (SA, Conv3)": anomaly sample attention at encoder conv3
# of the one-class UCSD Ped1 VAE, pooled pixel AUROC.
_base_ = [
    './_base_/models/convvae_ucsdped1.py', './_base_/datasets/ucsd_ped1.py',
    './_base_/schedules/adam1e-3_50e.py', './_base_/anomaly_runtime.py'
]
model = dict(explainer=dict(attention=dict(target_layer='encoder.conv3')), maps=('sa', ))
