"""Speed and size of a config's model on this machine.

    python tools/analysis/benchmark.py CONFIG [--iters N] [--batch-size B] [--json [FILE]]

Prints, for the model built from CONFIG:

* training-step throughput (samples/s): forward + backward + optimizer step through
  ``model.train_step`` and the config's optimizer wrapper;
* inference throughput (samples/s) at the batch size, and latency (ms) at batch size 1,
  through ``model.test_step``;
* parameters (total and trainable);
* forward FLOPs of one batch, from mmengine's ``FlopAnalyzer`` (which, like fvcore, counts one
  fused multiply-add as one FLOP, i.e. it reports MACs); operators it cannot count are listed;
* the machine's dense matmul peak (FLOP/s), measured in the same run with float32 ``torch.mm``;
* the share of that peak a training step reaches, taking a training step as 3 forward passes
  (forward + backward for activations + backward for weights) of 2 FLOPs per MAC.

The inputs are synthetic and of the config's shapes: the model's ``dummy_batch(batch_size)``
when it defines one, else the first batch of the config's ``train_dataloader`` (then the
synthetic data set must exist: ``python tools/data/make_synthetic.py NAME``).
"""
import argparse
import json
import os.path as osp
import sys
import time
from typing import Callable, Dict, Optional

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__)))))

import torch  # noqa: E402
from mmengine.analysis import FlopAnalyzer  # noqa: E402
from mmengine.config import DictAction  # noqa: E402
from mmengine.optim import build_optim_wrapper  # noqa: E402
from mmengine.runner import Runner  # noqa: E402
from torch.utils._pytree import tree_flatten, tree_unflatten  # noqa: E402

from thesiscv.registry import MODELS  # noqa: E402
from thesiscv.utils import load_config, register_all_modules  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('config')
    parser.add_argument('--iters', type=int, default=10, help='timed iterations per figure')
    parser.add_argument('--warmup', type=int, default=2, help='untimed iterations first')
    parser.add_argument('--batch-size', type=int, help='default: the train_dataloader\'s')
    parser.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    parser.add_argument('--json', nargs='?', const='-', help='also write the figures as JSON '
                        'to FILE (or to stdout with no FILE)')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction)
    return parser.parse_args()


def si(value: float, unit: str = '') -> str:
    """``1.23e9 -> '1.230 G'``: a number with an SI prefix."""
    for factor, prefix in ((1e12, 'T'), (1e9, 'G'), (1e6, 'M'), (1e3, 'k')):
        if abs(value) >= factor:
            return f'{value / factor:.3f} {prefix}{unit}'
    return f'{value:.3g} {unit}'.strip()


def to_device(data, device: str):
    leaves, spec = tree_flatten(data)
    return tree_unflatten([x.to(device) if torch.is_tensor(x) else x for x in leaves], spec)


def get_batch(model, cfg, batch_size: int) -> dict:
    """A batch as the dataloader yields it: ``model.dummy_batch`` or the real first batch."""
    if hasattr(model, 'dummy_batch'):
        return model.dummy_batch(batch_size)
    loader_cfg = dict(cfg.train_dataloader, batch_size=batch_size, num_workers=0,
                      persistent_workers=False)
    try:
        return next(iter(Runner.build_dataloader(loader_cfg)))
    except FileNotFoundError as err:
        sys.exit(f'{err}\nThe model has no dummy_batch(), so the benchmark reads the config\'s '
                 'training data: generate it first (python tools/data/make_synthetic.py --list).')


def timed(step: Callable, iters: int, warmup: int, device: str) -> float:
    """Median seconds of ``step()`` over ``iters`` runs after ``warmup`` runs."""
    sync = torch.cuda.synchronize if device.startswith('cuda') else (lambda: None)
    for _ in range(warmup):
        step()
    times = []
    for _ in range(iters):
        sync()
        start = time.perf_counter()
        step()
        sync()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def matmul_peak(device: str, n: Optional[int] = None, repeats: int = 10) -> float:
    """Best float32 ``torch.mm`` rate of an n x n product, in FLOP/s (2 n^3 per product)."""
    n = n or (8192 if device.startswith('cuda') else 2048)
    a, b = torch.randn(n, n, device=device), torch.randn(n, n, device=device)
    best = min(timed(lambda: torch.mm(a, b), iters=1, warmup=1, device=device)
               for _ in range(repeats))
    return 2 * n**3 / best


class TensorForward(torch.nn.Module):
    """``model(inputs, data_samples, mode='tensor')`` as a function of tensors only (tracing)."""

    def __init__(self, model, processed: dict):
        super().__init__()
        self.model = model
        self.data_samples = processed.get('data_samples')
        leaves, self.spec = tree_flatten(processed['inputs'])
        self.is_tensor = [torch.is_tensor(x) for x in leaves]
        self.constants = [None if t else x for x, t in zip(leaves, self.is_tensor)]
        self.tensors = tuple(x for x in leaves if torch.is_tensor(x))

    def forward(self, *tensors):
        it = iter(tensors)
        leaves = [next(it) if t else c for t, c in zip(self.is_tensor, self.constants)]
        out = self.model(tree_unflatten(leaves, self.spec), self.data_samples, mode='tensor')
        return tuple(x for x in tree_flatten(out)[0] if torch.is_tensor(x))


def forward_flops(model, data: dict) -> Dict:
    """MAC count of one forward pass in 'tensor' mode, with the operators left uncounted."""
    with torch.no_grad():
        processed = model.data_preprocessor(data, False)
        wrapper = TensorForward(model, processed)
        analyzer = FlopAnalyzer(wrapper, wrapper.tensors)
        analyzer.unsupported_ops_warnings(False).uncalled_modules_warnings(False)
        total = analyzer.total()
        return dict(flops=total, uncounted_ops=dict(analyzer.unsupported_ops()))


def main() -> None:
    args = parse_args()
    register_all_modules()
    cfg = load_config(args.config, args.cfg_options)
    model = MODELS.build(cfg.model).to(args.device)
    batch_size = args.batch_size or cfg.train_dataloader.get('batch_size', 1)
    data = to_device(get_batch(model, cfg, batch_size), args.device)
    data1 = to_device(get_batch(model, cfg, 1), args.device)

    optim_wrapper = build_optim_wrapper(model, cfg.optim_wrapper)
    model.train()
    train_s = timed(lambda: model.train_step(data, optim_wrapper), args.iters, args.warmup,
                    args.device)
    model.eval()
    with torch.no_grad():
        infer_s = timed(lambda: model.test_step(data), args.iters, args.warmup, args.device)
        latency_s = timed(lambda: model.test_step(data1), args.iters, args.warmup, args.device)
    flops = forward_flops(model, data)
    peak = matmul_peak(args.device)
    train_flop_per_s = 3 * 2 * flops['flops'] / train_s

    figures = dict(
        config=args.config, device=args.device, batch_size=batch_size,
        train_samples_per_s=batch_size / train_s, train_step_ms=1e3 * train_s,
        infer_samples_per_s=batch_size / infer_s, infer_batch_ms=1e3 * infer_s,
        latency_ms_batch1=1e3 * latency_s,
        params=sum(p.numel() for p in model.parameters()),
        trainable_params=sum(p.numel() for p in model.parameters() if p.requires_grad),
        forward_flops_per_batch=flops['flops'], uncounted_ops=flops['uncounted_ops'],
        matmul_peak_flop_per_s=peak, train_share_of_peak=train_flop_per_s / peak,
        torch_threads=torch.get_num_threads())
    rows = [
        ('device', f"{args.device} ({figures['torch_threads']} threads)"),
        ('batch size', batch_size),
        ('train step', f"{figures['train_step_ms']:.2f} ms  "
         f"({figures['train_samples_per_s']:.2f} samples/s)"),
        ('inference', f"{figures['infer_batch_ms']:.2f} ms/batch  "
         f"({figures['infer_samples_per_s']:.2f} samples/s)"),
        ('latency (batch 1)', f"{figures['latency_ms_batch1']:.2f} ms"),
        ('parameters', f"{si(figures['params'])} ({si(figures['trainable_params'])} trainable)"),
        ('forward FLOPs (MACs)', f"{si(flops['flops'])} per batch"),
        ('uncounted operators', ', '.join(f'{k} x{v}' for k, v in flops['uncounted_ops'].items())
         or 'none'),
        ('matmul peak (fp32)', si(peak, 'FLOP/s')),
        ('train share of peak', f"{100 * figures['train_share_of_peak']:.2g} %"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f'Benchmark of {args.config}')
    for key, value in rows:
        print(f'  {key:<{width}}  {value}')
    if args.json == '-':
        print(json.dumps(figures, indent=2))
    elif args.json:
        with open(args.json, 'w') as f:
            json.dump(figures, f, indent=2)
        print(f'wrote {args.json}')


if __name__ == '__main__':
    main()
