# MonoIndoor++ trained on EuRoC, pose evaluation on the test sequences (Table 5.3):
# python tools/test.py THIS_CONFIG work_dirs/monoindoorpp_r18_40e_euroc-512x256/epoch_40.pth
_base_ = [
    '../_base_/depth_runtime.py', '../_base_/models/monoindoorpp_r18.py',
    '../_base_/datasets/euroc_pose_512x256.py'
]
model = dict(input_size=(256, 512), scale_net=dict(feat_size=(8, 16), head=dict(max_scale=20.0)))
