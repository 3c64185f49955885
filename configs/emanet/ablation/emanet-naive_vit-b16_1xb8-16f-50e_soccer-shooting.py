# Table 2.9 row 5: transformer motion module + naive fusion (thesis 0.910).
_base_ = ['../emanet_vit-b16_1xb8-16f-50e_soccer-shooting.py']
model = dict(aggregator=dict(_delete_=True, type='NaiveFusion', energy_dims=768, motion_dims=768,
                             out_dims=768, dropout=0.5))
