# ST-TR (Plizzari et al.) on the player-of-interest COCO-17 tracks of the soccer "all" clips.
_base_ = ['../_base_/emanet_runtime.py', '../_base_/models/sttr_coco.py',
          '../_base_/datasets/soccer-all_keypoint-gcn.py',
          '../_base_/schedules/sgd_cosine_50e.py']
model = dict(cls_head=dict(num_classes=6))
optim_wrapper = dict(optimizer=dict(_delete_=True, type='AdamW', lr=1e-3, weight_decay=0.05))
param_scheduler = [dict(type='CosineAnnealingLR', T_max=80, eta_min=0, by_epoch=True, begin=0,
                        end=80)]
train_cfg = dict(max_epochs=80)
