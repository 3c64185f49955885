# CPU-sized EMA-Net on the synthetic soccer clips (python tools/data/make_synthetic.py soccer):
# all six classes, split 0; 32 x 32 inputs, 8 mask frames, a 4-layer ViT of width 96 shared by the
# energy image and the masks, the 6-layer motion transformer (L = 6 as in the thesis), split-token
# energy-motion aggregation. Trains in minutes on 2 CPU cores.
_base_ = ['./_base_/emanet_runtime.py', './_base_/models/emanet_vit-b16.py',
          './_base_/datasets/soccer-all_emanet.py', './_base_/schedules/adamw_cosine_50e.py']

data_root = 'data/soccer_synthetic'
img_size = 32
num_frames = 8
width = 96
# as the generator's ground-truth fast path computed the cached energy images (used when an
# energy image is computed on the fly, e.g. by demo/emanet_demo.py)
energy_cfg = dict(support_thr=0.1)

model = dict(
    num_frames=num_frames,
    extractor=dict(arch=dict(_delete_=True, embed_dims=width, num_layers=4, num_heads=4,
                             feedforward_channels=4 * width),
                   img_size=img_size, patch_size=8, out_dim=width, drop_path_rate=0.0),
    motion_module=dict(in_dims=width, embed_dims=width, num_layers=6, num_heads=4, mlp_ratio=2,
                       drop_rate=0.1, max_frames=num_frames),
    aggregator=dict(energy_dims=width, motion_dims=width, num_tokens=4),
    cls_head=dict(in_channels=width, hidden_channels=64, num_classes=6, dropout_ratio=0.3))

train_pipeline = [
    dict(type='SampleMaskFrames', num_frames=num_frames),
    dict(type='LoadSoccerMasks', with_ball=True),
    dict(type='PlayerMaskCrop', size=img_size, scale=1.2),
    dict(type='EnergyImageTransform', size=img_size, use_cache=True, energy_cfg=energy_cfg),
    dict(type='SyncRandomFlip', prob=0.5),
    dict(type='SyncRandomResizedCrop', scale=(0.8, 1.0), ratio=(3 / 4, 4 / 3)),
    dict(type='PackEMAInputs'),
]
test_pipeline = [
    dict(type='SampleMaskFrames', num_frames=num_frames, test_mode=True),
    dict(type='LoadSoccerMasks', with_ball=True),
    dict(type='PlayerMaskCrop', size=img_size, scale=1.2),
    dict(type='EnergyImageTransform', size=img_size, use_cache=True, energy_cfg=energy_cfg),
    dict(type='PackEMAInputs'),
]
train_dataloader = dict(batch_size=16, num_workers=1,
                        dataset=dict(data_root=data_root, pipeline=train_pipeline))
val_dataloader = dict(batch_size=16, num_workers=1,
                      dataset=dict(data_root=data_root, pipeline=test_pipeline))
test_dataloader = dict(batch_size=16, num_workers=1,
                       dataset=dict(data_root=data_root, pipeline=test_pipeline))

# from scratch: a larger learning rate, no lr_mult on the extractor
optim_wrapper = dict(optimizer=dict(lr=1e-3),
                     paramwise_cfg=dict(custom_keys={'extractor': dict(lr_mult=1.0)}))
max_epochs = 40
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=True, begin=0, end=3,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', T_max=max_epochs - 3, eta_min=1e-5, by_epoch=True, begin=3,
         end=max_epochs, convert_to_iter_based=True),
]
train_cfg = dict(max_epochs=max_epochs, val_interval=5)
default_hooks = dict(logger=dict(interval=5), checkpoint=dict(interval=5))
