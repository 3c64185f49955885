# Monodepth2 trained on NYUv2, tested on ScanNet depth without fine-tuning (Table 5.5):
# python tools/test.py THIS_CONFIG work_dirs/monodepth2_r18_40e_nyuv2-320x256/epoch_40.pth
_base_ = [
    '../_base_/depth_runtime.py', '../_base_/models/monodepth2_r18.py',
    '../_base_/datasets/scannet_zeroshot-depth_320x256.py'
]
model = dict(input_size=(256, 320))
