"""EMA-Net demo: the fine-grained soccer action of the player in a clip (or a folder of clips).

    # the whole pipeline (Mask R-CNN + top-down pose + registration + EMA-Net), local weights
    python demo/emanet_demo.py clip.mp4 configs/emanet/soccer.py emanet.pth \\
        --det-config configs/emanet/preprocess/mask-rcnn_r50-fpn_coco-infer_soccer.py \\
        --det-checkpoint mask_rcnn_r50_fpn_1x_coco.pth \\
        --pose-config configs/emanet/preprocess/td-hm_hrnet-w32_coco-256x192-infer_soccer.py \\
        --pose-checkpoint td-hm_hrnet-w32_coco-256x192.pth --out-dir demo_out

    # annotated clips (ground-truth fast path: boxes, masks, keypoints from the annotation)
    python demo/emanet_demo.py data/soccer_synthetic/videos configs/emanet/soccer_synthetic.py \\
        work_dirs/soccer_synthetic/epoch_40.pth \\
        --ann-file data/soccer_synthetic/annotations/soccer_highlights_emanet.pkl

Prints the predicted action and the class scores per clip; with ``--out-dir`` writes
``<clip>.json``, ``<clip>_inputs.png`` (energy image and mask frames) and
``<clip>_overlay.mp4``. A clip that fails is reported with its name and the reason; the
others are still processed (exit status 1 if any failed).
"""
import argparse
import glob
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

from thesiscv.apis.action_inferencer import ActionInferencer  # noqa: E402
from thesiscv.datasets.soccer import load_annotations  # noqa: E402

VIDEO_EXTS = ('.mp4', '.avi', '.mov', '.mkv', '.webm')


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('input', help='a clip or a folder of clips (searched recursively)')
    p.add_argument('config')
    p.add_argument('checkpoint')
    p.add_argument('--det-config')
    p.add_argument('--det-checkpoint')
    p.add_argument('--pose-config')
    p.add_argument('--pose-checkpoint')
    p.add_argument('--ann-file', help='preprocessed annotation pickle: use its player samples')
    p.add_argument('--player-box', type=float, nargs=4, metavar=('X1', 'Y1', 'X2', 'Y2'),
                   help='the player of interest in the first frame')
    p.add_argument('--out-dir')
    p.add_argument('--no-overlay', action='store_true')
    p.add_argument('--device', default='cpu')
    args = p.parse_args()
    if osp.isdir(args.input):
        clips = sorted(f for f in glob.glob(osp.join(args.input, '**', '*'), recursive=True)
                       if f.lower().endswith(VIDEO_EXTS))
    elif osp.isfile(args.input):
        clips = [args.input]
    else:
        sys.exit(f'{args.input}: no such clip or folder')
    if not clips:
        sys.exit(f'{args.input}: no video files ({", ".join(VIDEO_EXTS)})')
    annotations = {}
    if args.ann_file:
        annotations = {s['clip_id']: s for s in load_annotations(args.ann_file)['annotations']
                       if s['actor_role'] == 'player'}
        root = osp.dirname(osp.dirname(osp.abspath(args.ann_file)))
        annotations = {k: dict(v, data_root=root) for k, v in annotations.items()}
    inferencer = ActionInferencer(args.config, args.checkpoint, args.det_config,
                                  args.det_checkpoint, args.pose_config, args.pose_checkpoint,
                                  args.device)
    failed = {}
    for clip in clips:
        name = osp.splitext(osp.basename(clip))[0]
        try:
            if args.ann_file and name not in annotations:
                raise KeyError(f'{name} is not in {args.ann_file}')
            result = inferencer(clip, annotations.get(name), args.player_box)
        except Exception as err:  # reported per clip; the others go on
            failed[clip] = f'{type(err).__name__}: {err}'
            print(f'{name}: FAILED ({failed[clip]})')
            continue
        top = sorted(result['scores'].items(), key=lambda kv: -kv[1])[:3]
        print(f'{name}: {result["label_name"]}  (' +
              ', '.join(f'{c} {s:.3f}' for c, s in top) + ')')
        if args.out_dir:
            inferencer.write(result, args.out_dir, overlay=not args.no_overlay)
    if failed:
        print(f'{len(failed)} of {len(clips)} clips failed')
        sys.exit(1)


if __name__ == '__main__':
    main()
