# The main soccer recipe: EMA-Net on all six classes (= emanet_vit-b16_1xb8-16f-50e_soccer-all.py).
#   tools/dist_train.sh configs/emanet/soccer.py 8
#   python tools/test.py configs/emanet/soccer.py work_dirs/soccer/best_soccer_a_f1_epoch_N.pth
_base_ = ['./emanet_vit-b16_1xb8-16f-50e_soccer-all.py']
