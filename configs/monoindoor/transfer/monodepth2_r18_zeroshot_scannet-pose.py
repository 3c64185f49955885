# Monodepth2 trained on NYUv2, tested on the 2000 ScanNet pose pairs (Table 5.6).
_base_ = [
    '../_base_/depth_runtime.py', '../_base_/models/monodepth2_r18.py',
    '../_base_/datasets/scannet_zeroshot-pose_320x256.py'
]
model = dict(input_size=(256, 320))
