# MonoIndoor++ trained on NYUv2, tested on ScanNet depth without fine-tuning (Table 5.5):
# python tools/test.py THIS_CONFIG work_dirs/monoindoorpp_r18_40e_nyuv2-320x256/epoch_40.pth
_base_ = [
    '../_base_/depth_runtime.py', '../_base_/models/monoindoorpp_r18.py',
    '../_base_/datasets/scannet_zeroshot-depth_320x256.py'
]
model = dict(input_size=(256, 320), scale_net=dict(feat_size=(8, 10)))
