# Table 2.9 row 3, thesis 0.817: LSTM motion module + naive fusion.
_base_ = ['../emanet_vit-b16_1xb8-16f-50e_soccer-shooting.py']
model = dict(
    motion_module=dict(_delete_=True, type='RecurrentMotionModule', in_dims=768, hidden_dims=768,
                       cell='lstm'),
    aggregator=dict(_delete_=True, type='NaiveFusion', energy_dims=768, motion_dims=768,
                    out_dims=768, dropout=0.5))
