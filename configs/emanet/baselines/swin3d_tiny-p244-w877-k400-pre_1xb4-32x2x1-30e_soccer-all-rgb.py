# Video Swin-T (Liu et al.) on the soccer "all" clips, RGB, 32 frames (interval 2) at 224.
_base_ = ['../_base_/emanet_runtime.py', '../_base_/models/swin3d_tiny.py',
          '../_base_/datasets/soccer-all_rgb.py',
          '../_base_/datasets/rgb_32x2x1-224_pipelines.py',
          '../_base_/schedules/adamw_swin_30e.py']
model = dict(cls_head=dict(num_classes=6))
train_dataloader = dict(batch_size=4, dataset=dict(pipeline={{_base_.train_pipeline_32x2x1}}))
val_dataloader = dict(batch_size=4, dataset=dict(pipeline={{_base_.test_pipeline_32x2x1}}))
test_dataloader = dict(batch_size=4, dataset=dict(pipeline={{_base_.test_pipeline_32x2x1}}))
