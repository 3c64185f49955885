# Procedural one-class digits (make_synthetic.py digits): train on "1"s; the test split holds
# "1"s and "7"s, whose top bar is the anomaly mask (t10k-masks-idx3-ubyte).
data_root = 'data/digits_synthetic'
pipeline = [dict(type='PackVAEInputs')]
train_dataloader = dict(
    batch_size=128, num_workers=0, persistent_workers=False,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type='OneClassMNIST', data_root=data_root, normal_class=1, split='train',
                 pipeline=pipeline))
val_dataloader = dict(
    batch_size=100, num_workers=0, persistent_workers=False,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='OneClassMNIST', data_root=data_root, normal_class=1, split='test',
                 mask_file='t10k-masks-idx3-ubyte', pipeline=pipeline))
test_dataloader = val_dataloader
val_evaluator = [dict(type='PixelAUROC'), dict(type='BestIoU'), dict(type='ImageAUROC')]
test_evaluator = val_evaluator
