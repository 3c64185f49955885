"""Depth from an image, a folder of images or a video with a monoindoor checkpoint.

    python demo/monoindoor_demo.py INPUT CONFIG CHECKPOINT [--out-dir DIR] [--device cpu]

Writes ``DIR/<name>.npy`` (float32 depth, up to the model's scale) and ``DIR/<name>_depth.png``
(colorized, near = bright) for every frame, e.g.::

    python demo/monoindoor_demo.py data/rooms_synthetic/scans/scene0048_00/color \\
        configs/monoindoor/synthetic.py work_dirs/synthetic/epoch_3.pth
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

from thesiscv.apis import DepthInferencer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('input', help='image file, folder of images or video file')
    parser.add_argument('config', help='model config')
    parser.add_argument('checkpoint', help='checkpoint: path, URL or model-zoo name')
    parser.add_argument('--out-dir', default='outputs/monoindoor_demo')
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--batch-size', type=int, default=4)
    args = parser.parse_args()
    inferencer = DepthInferencer(args.config, args.checkpoint, device=args.device)
    results = inferencer(args.input, out_dir=args.out_dir, batch_size=args.batch_size)
    print(f'wrote depth of {len(results)} frame(s) to {args.out_dir}')


if __name__ == '__main__':
    main()
