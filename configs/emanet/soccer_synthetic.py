# Short name of the CPU recipe on the synthetic soccer clips (README quick start):
#   python tools/data/make_synthetic.py soccer
#   python tools/train.py configs/emanet/soccer_synthetic.py
#   python tools/test.py configs/emanet/soccer_synthetic.py work_dirs/soccer_synthetic/epoch_40.pth
_base_ = ['./emanet_vit-tiny_1xb16-8f-40e_soccer-synthetic.py']
