# Synthetic walkway clips in the UCSD Ped1 layout (make_synthetic.py ped).
_base_ = ['./ucsd_ped1.py']
data_root = 'data/ped_synthetic/UCSDped1'
train_dataloader = dict(batch_size=32, num_workers=0, persistent_workers=False,
                        dataset=dict(data_root=data_root))
val_dataloader = dict(batch_size=32, num_workers=0, persistent_workers=False,
                      dataset=dict(data_root=data_root))
test_dataloader = val_dataloader
