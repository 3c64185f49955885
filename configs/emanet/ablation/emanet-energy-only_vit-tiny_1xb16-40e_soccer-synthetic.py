# Energy-only EMA-Net (the baseline of Li et al.) on the synthetic soccer clips, same budget as
# ../emanet_vit-tiny_1xb16-8f-40e_soccer-synthetic.py.
_base_ = ['../emanet_vit-tiny_1xb16-8f-40e_soccer-synthetic.py']
model = dict(use_motion=False, motion_module=None, aggregator=None)
