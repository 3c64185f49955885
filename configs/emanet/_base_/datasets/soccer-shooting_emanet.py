# Soccer highlights, task "shooting", EMA-Net inputs (see soccer-all_emanet.py).
_base_ = ['./soccer-all_emanet.py']
train_dataloader = dict(dataset=dict(task='shooting'))
val_dataloader = dict(dataset=dict(task='shooting'))
test_dataloader = dict(dataset=dict(task='shooting'))
