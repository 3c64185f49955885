# EMA-Net, ViT-B/16 shared extractor, 16 mask frames, batch 8 on 1 device, 50 epochs:
# thesis Table 2.10 (shooting + goalkeeper Goal-Saving).
_base_ = ['./_base_/emanet_runtime.py', './_base_/models/emanet_vit-b16.py',
          './_base_/datasets/soccer-shooting-gk_emanet.py',
          './_base_/schedules/adamw_cosine_50e.py']
model = dict(cls_head=dict(num_classes=4))
