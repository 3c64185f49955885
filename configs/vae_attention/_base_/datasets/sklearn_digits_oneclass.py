# scikit-learn's real handwritten digits as MNIST IDX files (make_synthetic.py sklearn_digits).
# No pixel masks: the test reports image-level AUROC (normal class vs the other digits).
data_root = 'data/sklearn_digits'
pipeline = [dict(type='PackVAEInputs')]
train_dataloader = dict(
    batch_size=64, num_workers=0, persistent_workers=False,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type='OneClassMNIST', data_root=data_root, normal_class=1, split='train',
                 pipeline=pipeline))
val_dataloader = dict(
    batch_size=100, num_workers=0, persistent_workers=False,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type='OneClassMNIST', data_root=data_root, normal_class=1, split='test',
                 pipeline=pipeline))
test_dataloader = val_dataloader
val_evaluator = [dict(type='ImageAUROC')]
test_evaluator = val_evaluator
