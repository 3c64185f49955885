# MNIST (IDX files under data/mnist), one class: train on `normal_class`, test on every digit.
# Another class: --cfg-options train_dataloader.dataset.normal_class=3 \
#   val_dataloader.dataset.normal_class=3 test_dataloader.dataset.normal_class=3
data_root = 'data/mnist'
pipeline = [dict(type='PackVAEInputs')]
train_dataloader = dict(
    batch_size=128, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type='OneClassMNIST', data_root=data_root, normal_class=1, split='train',
                 pipeline=pipeline))
val_dataloader = dict(
    batch_size=128, num_workers=2, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='OneClassMNIST', data_root=data_root, normal_class=1, split='test',
                 pipeline=pipeline))
test_dataloader = val_dataloader
val_evaluator = [dict(type='ImageAUROC')]
test_evaluator = val_evaluator
