# Monodepth2 trained on NYUv2, tested on every 30th frame of the 7-Scenes test sequences
# (Table 5.7A; per-scene rows: --cfg-options "test_dataloader.dataset.scenes=[chess]").
_base_ = [
    '../_base_/depth_runtime.py', '../_base_/models/monodepth2_r18.py',
    '../_base_/datasets/sevenscenes_320x256.py', '../_base_/schedules/adam_40e.py'
]
model = dict(input_size=(256, 320))
