# Soccer highlights, task "shooting_gk", EMA-Net inputs (see soccer-all_emanet.py).
_base_ = ['./soccer-all_emanet.py']
train_dataloader = dict(dataset=dict(task='shooting_gk'))
val_dataloader = dict(dataset=dict(task='shooting_gk'))
test_dataloader = dict(dataset=dict(task='shooting_gk'))
