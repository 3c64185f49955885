"""EMA-Net preprocessing of a soccer data root (thesis Ch. 2, S1-S5), stage by stage.

    python tools/data/soccer/preprocess.py DATA_ROOT --stages det pose associate energy \\
        --det-config configs/emanet/preprocess/mask-rcnn_r50-fpn_coco-infer_soccer.py \\
        --det-checkpoint checkpoints/mask_rcnn_r50_fpn_1x_coco.pth \\
        --pose-config configs/emanet/preprocess/td-hm_hrnet-w32_coco-256x192-infer_soccer.py \\
        --pose-checkpoint checkpoints/td-hm_hrnet-w32_coco-256x192.pth

    # ground-truth fast path (boxes, masks, keypoints already annotated, e.g. synthetic data)
    python tools/data/soccer/preprocess.py data/soccer_synthetic --gt-fast-path \\
        --stages associate energy --energy-modes translation affine similarity none

Every stage is cached under DATA_ROOT and resumable (rerunning skips what exists;
``--no-resume`` recomputes). Failing clips are reported by name with the reason and listed in
DATA_ROOT/preprocessed/failures.json; the command then exits with status 1.
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))))

from thesiscv.datasets.soccer_preprocessing import STAGES, SoccerPreprocessor  # noqa: E402
from thesiscv.datasets.soccer_skeleton import write_skeleton_annotations  # noqa: E402
from thesiscv.datasets.soccer_video_list import write_video_lists  # noqa: E402
from thesiscv.utils import register_all_modules  # noqa: E402


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('data_root')
    p.add_argument('--stages', nargs='+', default=list(STAGES), choices=STAGES)
    p.add_argument('--gt-file', default='annotations/soccer_highlights_gt.pkl')
    p.add_argument('--ann-file', default='annotations/soccer_highlights_emanet.pkl')
    p.add_argument('--gt-fast-path', action='store_true',
                   help='use the annotated boxes/masks/keypoints in preprocessed/gt_* as the '
                   'detector and pose outputs (keypoints matched by their box)')
    for name, default in (('det', 'preprocessed/det'), ('pose', 'preprocessed/pose_coco17'),
                          ('body25', None)):
        p.add_argument(f'--{name}-config', help=f'config of the {name} model')
        p.add_argument(f'--{name}-checkpoint', help='local checkpoint file')
        p.add_argument(f'--{name}-dir', default=default, help='cache folder (relative)')
    p.add_argument('--person-thr', type=float, default=0.5)
    p.add_argument('--ball-thr', type=float, default=0.4)
    p.add_argument('--batch-size', type=int, default=4, help='frames per detector pass')
    p.add_argument('--max-persons', type=int, default=None,
                   help='persons per frame given to the pose model (highest scores first)')
    p.add_argument('--kpt-box', choices=['keypoints', 'input'], default='keypoints')
    p.add_argument('--kpt-box-expand', type=float, default=0.0)
    p.add_argument('--kpt-match-iou', type=float, default=None,
                   help='default: 0.8 dribbling, 0.5 shooting (thesis)')
    p.add_argument('--ball-max-dist', type=float, default=None)
    p.add_argument('--no-gt-boxes', action='store_true',
                   help='track the player without the annotated actor boxes (inference mode)')
    p.add_argument('--energy-modes', nargs='+', default=['translation'],
                   choices=['translation', 'affine', 'similarity', 'none'])
    p.add_argument('--energy-size', type=int, default=224)
    p.add_argument('--support-thr', type=float, default=0.0,
                   help='energy crop support threshold (0: spec §2.5)')
    p.add_argument('--clips', nargs='+', help='only these clip ids')
    p.add_argument('--no-resume', action='store_true')
    p.add_argument('--device', default='cpu')
    p.add_argument('--video-backend', choices=['opencv', 'pyav'], default='opencv')
    p.add_argument('--baseline-data', action='store_true',
                   help='also write the mmaction2 video lists and skeleton annotations')
    return p.parse_args()


def main() -> None:
    args = parse_args()
    register_all_modules()
    dirs = dict(det=args.det_dir, pose=args.pose_dir, body25=args.body25_dir)
    kpt_box = args.kpt_box
    if args.gt_fast_path:
        dirs = dict(det='preprocessed/gt_det', pose='preprocessed/gt_pose_coco17',
                    body25='preprocessed/gt_pose_body25')
        kpt_box = 'input'
    models = {}
    for name in ('det', 'pose', 'body25'):
        config = getattr(args, f'{name}_config')
        if config:
            models[name] = dict(config=config, checkpoint=getattr(args, f'{name}_checkpoint'))
    if 'det' in models:
        models['det'].update(person_thr=args.person_thr, ball_thr=args.ball_thr,
                             batch_size=args.batch_size)
    for name in ('pose', 'body25'):
        if name in models:
            models[name]['max_persons'] = args.max_persons
    if 'body25' in models and dirs['body25'] is None:
        dirs['body25'] = 'preprocessed/pose_body25'
    pre = SoccerPreprocessor(
        args.data_root, gt_file=args.gt_file, ann_file=args.ann_file, det_dir=dirs['det'],
        pose_dir=dirs['pose'], body25_dir=dirs['body25'], detector=models.get('det'),
        pose_model=models.get('pose'), body25_model=models.get('body25'),
        association=dict(kpt_box=kpt_box, kpt_box_expand=args.kpt_box_expand,
                         kpt_match_iou=args.kpt_match_iou, ball_max_dist=args.ball_max_dist,
                         use_gt=not args.no_gt_boxes),
        energy_modes=args.energy_modes, energy_size=args.energy_size,
        energy_cfg=dict(support_thr=args.support_thr), device=args.device,
        video_backend=args.video_backend, resume=not args.no_resume, clips=args.clips)
    stats = pre.run(args.stages)
    if args.baseline_data:
        write_video_lists(args.data_root, args.gt_file)
        write_skeleton_annotations(args.data_root, args.ann_file)
    print('\nstage       frames   seconds   frames/s')
    for stage, s in stats.items():
        fps = f'{s["fps"]:9.1f}' if s.get('fps') else '        -'
        print(f'{stage:<10} {s["frames"]:7d} {s["seconds"]:9.1f} {fps}')
    failed = {stage: names for stage, names in pre.failures.items() if names}
    if failed:
        print('\nFAILED (see preprocessed/failures.json):')
        for stage, names in failed.items():
            for name, reason in names.items():
                print(f'  [{stage}] {name}: {reason}')
        sys.exit(1)


if __name__ == '__main__':
    main()
