# EMA-Net with the energy branch only (Table 2.9 row 1): the classifier on F_energy. The thesis
# says this equals the energy-image baseline of Li et al. [242] (Tables 2.6-2.8, 2.10).
_base_ = ['./emanet_vit-b16.py']
model = dict(use_motion=False, motion_module=None, aggregator=None)
