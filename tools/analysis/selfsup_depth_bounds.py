"""Which half of self-supervised depth limits a run on a data set? (MonoIndoor++ / Monodepth2)

    python tools/analysis/selfsup_depth_bounds.py CONFIG MODE [--seconds S] [--max-steps N]
        [--lr LR] [--blur SIGMA] [--no-automask] [--pose-noise DEG] [--seed S] [--every S]
        [--data-root DIR]

Self-supervised training learns depth and camera motion jointly from the photometric loss
(thesis Eq. 5.7). Each mode trains ONE of the two networks of CONFIG's model with the other half
replaced by the ground truth (or by labels), for a time budget, and evaluates it on CONFIG's
validation set with CONFIG's evaluators every ``--every`` seconds:

=============  ================================================================  =============
mode           trains                                                            reports
=============  ================================================================  =============
depth-labels   the depth network on the depth labels (scale-invariant log L1)   depth metrics
true-pose      the depth network, photometric loss, ground-truth camera motion  depth metrics
pose-labels    the pose network on the pose labels (L1 of the 3 x 4 matrix)     pose metrics
true-depth     the pose network, photometric loss, ground-truth depth           pose metrics
gradient       nothing: per test pair, the photometric loss at the identity and  cosines
               at the true pose, and the cosine between the loss gradient with
               respect to the 6 pose parameters at the identity and the true
               rotation / translation (does the loss point at the true motion?)
=============  ================================================================  =============

The training pairs are consecutive frames of the scenes of the training split, read with the
validation pipeline (ground-truth depth and poses, no augmentation), so the data must be in the
ScanNet layout with depth and poses (e.g. ``python tools/data/make_synthetic.py rooms``).
``--blur`` low-passes the images the photometric loss compares (a Gaussian of SIGMA pixels);
``--no-automask`` switches Monodepth2's auto-masking off; ``--max-pairs N`` trains on the first N
pairs only (the printed loss then shows whether the network can fit them at all);
``--pose-noise DEG`` (``true-pose`` only) turns the ground-truth rotation of every training pair
by DEG degrees about a random axis, drawn anew at each step (how precise must the camera motion
be for the depth network to learn?). Numbers go to stdout, one line per evaluation.
"""
import argparse
import math
import os
import os.path as osp
import sys
import tempfile
import time
from typing import Callable, Dict, Optional

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__)))))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from mmengine.config import DictAction  # noqa: E402
from mmengine.evaluator import Evaluator  # noqa: E402
from mmengine.runner import Runner  # noqa: E402
from torch import Tensor  # noqa: E402

from thesiscv.models.monoindoor.geometry import scale_intrinsics  # noqa: E402
from thesiscv.models.monoindoor.pose_ops import params_to_mat  # noqa: E402
from thesiscv.models.monoindoor.residual_pose import PoseOutput  # noqa: E402
from thesiscv.registry import MODELS  # noqa: E402
from thesiscv.utils import load_config, register_all_modules  # noqa: E402

DEPTH_MODES = ('depth-labels', 'true-pose')
POSE_MODES = ('pose-labels', 'true-depth')
MODES = DEPTH_MODES + POSE_MODES + ('gradient', )
DEPTH_KEYS = ('depth/abs_rel', 'depth/sq_rel', 'depth/rmse', 'depth/rmse_log', 'depth/a1',
              'depth/a2', 'depth/a3')
POSE_KEYS = ('pose/rot', 'pose/tr_deg', 'traj/ate', 'traj/rpe_m', 'traj/rpe_deg')


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('config')
    parser.add_argument('mode', choices=MODES)
    parser.add_argument('--seconds', type=float, default=60, help='training time budget')
    parser.add_argument('--max-steps', type=int, help='stop after this many steps')
    parser.add_argument('--every', type=float, default=30, help='seconds between evaluations')
    parser.add_argument('--lr', type=float, default=2e-4, help='Adam learning rate')
    parser.add_argument('--blur', type=float, default=0, help='Gaussian sigma (pixels) of the '
                        'photometric loss images; 0: none')
    parser.add_argument('--no-automask', action='store_true')
    parser.add_argument('--pose-noise', type=float, default=0, help='true-pose: degrees of '
                        'random rotation added to the true camera motion; 0: none')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--max-pairs', type=int, help='train on the first N pairs only (can the '
                        'network fit them at all?)')
    parser.add_argument('--data-root', help='default: the config\'s')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction)
    return parser.parse_args()


def consecutive_pairs(dataset_cfg: dict, path: str, max_pairs: Optional[int] = None) -> None:
    """Write ``<scene> <i> <j>`` for consecutive frames of every training scene to ``path``
    (the first ``max_pairs`` of them if given)."""
    root = dataset_cfg['data_root']
    split = osp.join(root, dataset_cfg.get('split_file', 'scannetv2_train.txt'))
    if dataset_cfg.get('type') != 'ScanNetDataset' or not osp.isfile(split):
        raise SystemExit(f'{split} not found: this tool reads a ScanNet-layout training set '
                         '(python tools/data/make_synthetic.py rooms writes one)')
    lines = []
    for scene in open(split).read().split():
        color = osp.join(root, dataset_cfg.get('scans_dir', 'scans'), scene, 'color')
        frames = sorted(int(name[:-4]) for name in os.listdir(color) if name.endswith('.jpg'))
        lines += [f'{scene} {i} {j}' for i, j in zip(frames, frames[1:])]
    with open(path, 'w') as f:
        f.write('\n'.join(lines[:max_pairs]) + '\n')


def build_loaders(cfg, pairs_file: str, seed: int):
    """Training pairs (validation pipeline, shuffled) and the validation loader."""
    val = cfg.val_dataloader
    train = dict(val, batch_size=cfg.train_dataloader.batch_size, persistent_workers=False,
                 sampler=dict(type='DefaultSampler', shuffle=True))
    train['dataset'] = dict(val.dataset, split_file=cfg.train_dataloader.dataset.split_file,
                            mode='pose', list_file=pairs_file)
    return (Runner.build_dataloader(train, seed=seed),
            Runner.build_dataloader(dict(val, persistent_workers=False), seed=seed))


def gaussian_blur(images: Tensor, sigma: float) -> Tensor:
    """Separable Gaussian low-pass of ``(..., C, H, W)`` images (replicated borders)."""
    if sigma <= 0:
        return images
    radius = int(3 * sigma)
    x = torch.arange(-radius, radius + 1, dtype=images.dtype, device=images.device)
    kernel = torch.exp(-x**2 / (2 * sigma**2))
    kernel = kernel / kernel.sum()
    shape = images.shape
    out = images.reshape(-1, 1, *shape[-2:])
    out = F.conv2d(F.pad(out, (radius, radius, 0, 0), mode='replicate'), kernel.view(1, 1, 1, -1))
    out = F.conv2d(F.pad(out, (0, 0, radius, radius), mode='replicate'), kernel.view(1, 1, -1, 1))
    return out.view(shape)


def true_depth(inputs: dict, samples: list) -> Tensor:
    """Ground-truth depth of the target frames at the input size ``(B, 1, H, W)``."""
    depth = torch.stack([s.gt_depth.float() for s in samples])[:, None]
    return F.interpolate(depth, inputs['img'].shape[-2:], mode='nearest')


def true_pose(samples: list) -> Tensor:
    """Ground-truth target -> source poses ``(B, 4, 4)`` (one source per pair)."""
    return torch.stack([s.gt_pose.reshape(-1, 4, 4)[0].float() for s in samples])


def perturb_rotation(pose: Tensor, degrees: float) -> Tensor:
    """``pose`` ``(B, 4, 4)`` preceded by a rotation of ``degrees`` about a random axis per
    sample (the angle between the result's rotation and the input's is exactly ``degrees``)."""
    if degrees == 0:
        return pose
    axis = unit(torch.randn(len(pose), 3))
    noise = params_to_mat(axis * math.radians(degrees), torch.zeros(len(pose), 3))
    return noise @ pose


def use_true_depth(model, depth: Tensor) -> None:
    """Make ``model`` see ``depth`` as its depth network's output (one scale)."""
    model.depth_forward = lambda images: dict(disps=[1 / depth], depths=[depth], scale=None)


def use_pose(model, pose: Tensor) -> None:
    """Make ``model`` see ``pose`` as its pose module's output (single stage)."""
    model.pose_forward = lambda img_aug, img, depth, K, frame_ids: PoseOutput(
        pose, img[:, 1], pose, pose)


def use_networks(model) -> None:
    """Undo :func:`use_true_depth` and :func:`use_pose`."""
    for name in ('depth_forward', 'pose_forward'):
        model.__dict__.pop(name, None)


def step_loss(model, mode: str, data: dict, blur: float) -> Tensor:
    """The training loss of one batch in ``mode`` (after :func:`use_true_depth` /
    :func:`use_pose` where the mode replaces a half)."""
    inputs, samples = data['inputs'], data['data_samples']
    if mode == 'depth-labels':
        pred = model.depth_forward(inputs['img'][:, 0])['depths'][0]
        diff = (pred.log() - true_depth(inputs, samples).log()).flatten(1)
        return (diff - diff.mean(1, keepdim=True)).abs().mean()
    if mode == 'pose-labels':
        K = scale_intrinsics(inputs['K'], *inputs['img'].shape[-2:])
        depth = true_depth(inputs, samples)  # for the warps of residual pose stages
        pred = model.pose_forward(inputs['img'], inputs['img'], depth, K, (0, 1)).pose
        return (pred[:, :3] - true_pose(samples)[:, :3]).abs().mean()
    inputs = dict(inputs, img=gaussian_blur(inputs['img'], blur))
    return model.loss(inputs)['loss_photometric']


def evaluate(model, loader, evaluator: Evaluator, mode: str) -> Dict[str, float]:
    model.eval()
    use_networks(model)
    with torch.no_grad():
        for data in loader:
            data = model.data_preprocessor(data, False)
            if mode in POSE_MODES:
                use_true_depth(model, true_depth(data['inputs'], data['data_samples']))
            evaluator.process(model(**data, mode='predict'), data)
    model.train()
    keys = DEPTH_KEYS if mode in DEPTH_MODES else POSE_KEYS
    metrics = evaluator.evaluate(len(loader.dataset))
    return {k: metrics[k] for k in keys if k in metrics}


def train(model, mode: str, train_loader, evaluate_fn: Callable[[], Dict[str, float]],
          args: argparse.Namespace) -> None:
    half = [p for name, p in model.named_parameters()
            if name.startswith('pose_module.') == (mode in POSE_MODES)]
    optimizer = torch.optim.Adam(half, lr=args.lr)
    report(0, 0.0, None, evaluate_fn())
    start, step, next_eval = time.time(), 0, args.every
    while True:
        for data in train_loader:
            data = model.data_preprocessor(data, True)
            if mode == 'true-pose':
                use_pose(model, perturb_rotation(true_pose(data['data_samples']),
                                                 args.pose_noise))
            elif mode == 'true-depth':
                use_true_depth(model, true_depth(data['inputs'], data['data_samples']))
            loss = step_loss(model, mode, data, args.blur)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            elapsed = time.time() - start
            done = elapsed >= args.seconds or step == args.max_steps
            if done or elapsed >= next_eval:
                next_eval += args.every
                report(step, elapsed, loss.item(), evaluate_fn())
            if done:
                return


def report(step: int, elapsed: float, loss, metrics: Dict[str, float]) -> None:
    loss = '-' if loss is None else f'{loss:.4f}'
    values = '  '.join(f'{k} {v:.4f}' for k, v in metrics.items())
    print(f'step {step:5d}  {elapsed:6.0f} s  loss {loss}  {values}', flush=True)


def unit(x: Tensor) -> Tensor:
    return x / x.norm(dim=1, keepdim=True).clamp_min(1e-12)


def rotation_log(rot: Tensor) -> Tensor:
    """Axis-angle ``(B, 3)`` of rotation matrices ``(B, 3, 3)`` (angles below 180 degrees)."""
    angle = torch.arccos(((rot.diagonal(dim1=1, dim2=2).sum(-1) - 1) / 2).clamp(-1, 1))
    axis = torch.stack([rot[:, 2, 1] - rot[:, 1, 2], rot[:, 0, 2] - rot[:, 2, 0],
                        rot[:, 1, 0] - rot[:, 0, 1]], 1)
    return unit(axis) * angle[:, None]


def gradient_alignment(model, loader, blur: float) -> None:
    """Photometric loss at the identity and at the true pose (true depth); per test pair, the
    cosine of the descent direction at the identity with the true rotation and translation."""
    cosines, losses, num = [], torch.zeros(2), 0
    for data in loader:
        data = model.data_preprocessor(data, False)
        inputs, samples = data['inputs'], data['data_samples']
        inputs = dict(inputs, img=gaussian_blur(inputs['img'], blur), img_aug=inputs['img'])
        use_true_depth(model, true_depth(inputs, samples))
        gt = true_pose(samples)
        params = torch.zeros(len(gt), 6, requires_grad=True)
        for i, pose in enumerate((params_to_mat(params[:, :3], params[:, 3:]), gt)):
            use_pose(model, pose)
            loss = model.loss(inputs)['loss_photometric']
            losses[i] += loss.item() * len(gt)
            if i == 0:  # each pair's loss depends on its own row of params only
                grad, = torch.autograd.grad(loss, params)
        cosines.append(torch.stack([(unit(-grad[:, :3]) * unit(rotation_log(gt[:, :3, :3]))).sum(1),
                                    (unit(-grad[:, 3:]) * unit(gt[:, :3, 3])).sum(1)], 1))
        num += len(gt)
    cosines = torch.cat(cosines)
    print(f'{num} pairs: photometric loss at the identity {losses[0] / num:.4f}, at the true '
          f'pose {losses[1] / num:.4f}')
    for name, col in (('rotation', cosines[:, 0]), ('translation', cosines[:, 1])):
        print(f'cosine(descent direction at the identity, true {name}): mean {col.mean():.3f}, '
              f'positive for {(col > 0).float().mean() * 100:.0f} % of the pairs')


def main() -> None:
    args = parse_args()
    if args.pose_noise and args.mode != 'true-pose':
        raise SystemExit('--pose-noise perturbs the true camera motion of the true-pose mode; '
                         f'mode {args.mode} does not use it')
    register_all_modules()
    torch.manual_seed(args.seed)
    cfg = load_config(args.config, args.cfg_options)
    if args.data_root:
        for loader in ('train_dataloader', 'val_dataloader'):
            cfg[loader].dataset.data_root = args.data_root
    model = MODELS.build(cfg.model)
    model.init_weights()
    # pairs, full resolution; only the photometric term is used (no depth consistency)
    model.frame_ids, model.scales, model.consistency_loss = (0, 1), (0, ), None
    model.photometric_loss.automask = not args.no_automask
    with tempfile.TemporaryDirectory() as tmp:
        pairs_file = osp.join(tmp, 'train_pairs.txt')
        consecutive_pairs(cfg.train_dataloader.dataset, pairs_file, args.max_pairs)
        train_loader, val_loader = build_loaders(cfg, pairs_file, args.seed)
        if args.mode == 'gradient':
            gradient_alignment(model, val_loader, args.blur)
            return
        evaluator = Evaluator(cfg.val_evaluator)
        train(model, args.mode, train_loader,
              lambda: evaluate(model, val_loader, evaluator, args.mode), args)


if __name__ == '__main__':
    main()
