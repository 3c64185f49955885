# PoseC3D of Duan et al. (Tables 2.6-2.8) as mmaction2's Recognizer3D + ResNet3dSlowOnly on 17
# stacked keypoint heatmaps (mmaction2's NTU-60 recipe).
model = dict(
    type='mmaction.Recognizer3D',
    backbone=dict(type='ResNet3dSlowOnly', depth=50, pretrained=None, in_channels=17,
                  base_channels=32, num_stages=3, out_indices=(2,), stage_blocks=(4, 6, 3),
                  conv1_stride_s=1, pool1_stride_s=1, inflate=(0, 1, 1),
                  spatial_strides=(2, 2, 2), temporal_strides=(1, 1, 2), dilations=(1, 1, 1)),
    cls_head=dict(type='I3DHead', in_channels=512, num_classes=6, dropout_ratio=0.5,
                  average_clips='prob'))
