# Aggregation over token sequences: energy patch tokens pooled to 16 (4 x 4) against the 16
# motion-module frame tokens; the flattened output has 16 x 768 channels.
_base_ = ['../emanet_vit-b16_1xb8-16f-50e_soccer-shooting.py']
model = dict(motion_module=dict(pool='none'),
             aggregator=dict(token_mode='sequence', num_tokens=16),
             cls_head=dict(in_channels=16 * 768))
