# The energy-image baseline of Li et al. [242] ("dribble energy image") on the soccer
# "shooting" task, re-implemented as EMA-Net's energy-only variant (the thesis: "the same
# as the baseline").
_base_ = ['../_base_/emanet_runtime.py', '../_base_/models/emanet-energy-only_vit-b16.py',
          '../_base_/datasets/soccer-shooting_emanet.py',
          '../_base_/schedules/adamw_cosine_50e.py']
model = dict(cls_head=dict(num_classes=3))
