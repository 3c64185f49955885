# Table 2.9 row 1: energy features only (= the baseline of Li et al. [242], thesis 0.788).
_base_ = ['../baselines/dei_vit-b16_1xb8-50e_soccer-shooting.py']
