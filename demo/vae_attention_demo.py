"""Anomaly maps of an image or a folder of images with a trained one-class VAE.

    python demo/vae_attention_demo.py INPUT CONFIG CHECKPOINT [--out-dir DIR] [--maps sa da]

Writes ``DIR/<name>_anomaly.png`` (the input beside overlays of the SA map, the DA mean, std and
refined maps and the reconstruction difference, as the config or ``--maps`` asks) and
``DIR/<name>_anomaly.npy`` (the score map), and prints each image's anomaly score, e.g.::

    python demo/vae_attention_demo.py data/defects_synthetic/nut/test/hole \\
        configs/vae_attention/vaeatt-sa_resnet18vae-d32_40e_synthetic-defects.py \\
        work_dirs/defects_nut/epoch_40.pth
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

from thesiscv.apis import AnomalyInferencer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('input', help='image file or folder of images')
    parser.add_argument('config', help='model config')
    parser.add_argument('checkpoint', help='checkpoint: path, URL or model-zoo name')
    parser.add_argument('--out-dir', default='outputs/vae_attention_demo')
    parser.add_argument('--maps', nargs='+', choices=['sa', 'da', 'diffmap'],
                        help='maps to compute (default: the config\'s; the first is scored)')
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--batch-size', type=int, default=8)
    args = parser.parse_args()
    inferencer = AnomalyInferencer(args.config, args.checkpoint, device=args.device,
                                   maps=args.maps)
    results = inferencer(args.input, out_dir=args.out_dir, batch_size=args.batch_size)
    for result in results:
        print(f'{result["name"]}: anomaly score {result["score"]:.4f}')
    print(f'wrote the anomaly maps of {len(results)} image(s) to {args.out_dir}')


if __name__ == '__main__':
    main()
