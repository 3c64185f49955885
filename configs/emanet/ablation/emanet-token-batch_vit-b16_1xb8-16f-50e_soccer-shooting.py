# Eq. 2.6 read literally (ambiguity 12): attention across the videos of a batch. Predictions
# depend on the batch composition; record the test batch size with the result.
_base_ = ['../emanet_vit-b16_1xb8-16f-50e_soccer-shooting.py']
model = dict(aggregator=dict(token_mode='batch', scale=False))
