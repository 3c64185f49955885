# Procedural one-class digits (make_synthetic.py digits): train on "1"s; the test split holds
# "1"s and "7"s, whose top bar is the anomaly mask (t10k-masks-idx3-ubyte).
_base_ = ['./mnist_oneclass.py']
data_root = 'data/digits_synthetic'
train_dataloader = dict(num_workers=0, persistent_workers=False,
                        dataset=dict(data_root=data_root))
val_dataloader = dict(
    batch_size=100, num_workers=0, persistent_workers=False,
    dataset=dict(data_root=data_root, mask_file='t10k-masks-idx3-ubyte'))
test_dataloader = val_dataloader
