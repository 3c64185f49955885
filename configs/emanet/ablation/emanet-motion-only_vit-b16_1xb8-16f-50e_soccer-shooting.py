# Table 2.9 row 2: motion features only (transformer motion module; thesis 0.424).
_base_ = ['../emanet_vit-b16_1xb8-16f-50e_soccer-shooting.py']
model = dict(use_energy=False, aggregator=None)
