# scikit-learn's real handwritten digits as MNIST IDX files (make_synthetic.py sklearn_digits).
# No pixel masks: the test reports image-level AUROC (normal class vs the other digits).
_base_ = ['./mnist_oneclass.py']
data_root = 'data/sklearn_digits'
train_dataloader = dict(batch_size=64, num_workers=0, persistent_workers=False,
                        dataset=dict(data_root=data_root))
val_dataloader = dict(batch_size=100, num_workers=0, persistent_workers=False,
                      dataset=dict(data_root=data_root))
test_dataloader = val_dataloader
