# Soccer highlights, task "dribbling", EMA-Net inputs (see soccer-all_emanet.py).
_base_ = ['./soccer-all_emanet.py']
train_dataloader = dict(dataset=dict(task='dribbling'))
val_dataloader = dict(dataset=dict(task='dribbling'))
test_dataloader = dict(dataset=dict(task='dribbling'))
