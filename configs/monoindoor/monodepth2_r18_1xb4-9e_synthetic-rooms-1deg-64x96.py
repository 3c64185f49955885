# Monodepth2 on the synthetic halls with gentler camera turns, 1 deg of yaw per frame instead of
# the default 3 (pitch and roll scale with it, translation as by default), for the 20-minute CPU
# budget: 9 epochs of 336 iterations (about 18.5 minutes for MonoIndoor++), x0.1 for
# the last. Data first:
#   python tools/data/make_synthetic.py rooms --out-dir data/rooms_1deg --options rot_step_deg=1
# On these halls Monodepth2 trained from scratch learned depth in one of two seeds (MonoIndoor++
# in all five; configs/monoindoor/README.md, Results). Model as in the 3-epoch config.
_base_ = './monodepth2_r18_1xb4-3e_synthetic-rooms-64x96.py'
data_root = 'data/rooms_1deg'
train_dataloader = val_dataloader = test_dataloader = dict(dataset=dict(data_root=data_root))
train_cfg = dict(max_epochs=9)
param_scheduler = [dict(type='MultiStepLR', by_epoch=True, milestones=[8], gamma=0.1)]
