"""Draw predictions during validation and testing through the run's visualizer.

The hook is shared by every method: it hands each sample's input and prediction to
``runner.visualizer.add_datasample`` and the method's visualizer (``thesiscv.visualization``)
decides what to draw (depth maps, attention overlays, meshes, action labels). As in mmdet,
``tools/test.py --show-dir DIR`` sets ``draw=True`` and ``test_out_dir=DIR``; pictures then go
to ``<work_dir>/<timestamp>/DIR/``.
"""
import os
import os.path as osp
from typing import Optional, Sequence

from mmengine.hooks import Hook
from mmengine.runner import Runner

from thesiscv.registry import HOOKS


def sample_name(data_sample, index: int) -> str:
    """A file-name stem for one sample: ``<parent folder>_<file stem>`` of its source file (MVTec's
    ``test/hole/000.png`` and ``test/good/000.png`` stay apart), else its index in the run."""
    meta = data_sample.metainfo if hasattr(data_sample, 'metainfo') else dict(data_sample)
    for key in ('img_path', 'video_path', 'filename', 'frame_dir', 'name'):
        if meta.get(key):
            path = str(meta[key]).rstrip('/')
            parent = osp.basename(osp.dirname(path))  # data sets repeat stems across folders
            stem = osp.splitext(osp.basename(path))[0]
            return f'{parent}_{stem}' if parent else stem
    return f'{index:06d}'


def select_input(inputs, index: int):
    """The ``index``-th sample of a batch's ``inputs`` (a tensor, a list, or a dict of those)."""
    if isinstance(inputs, dict):
        return {key: select_input(value, index) for key, value in inputs.items()}
    return inputs[index]


@HOOKS.register_module()
class VisualizationHook(Hook):
    """Visualize predictions of the val and test loops.

    Args:
        draw: whether to draw at all (off by default: drawing costs time).
        interval: during validation, draw the first sample of every ``interval``-th batch and
            send it to the visualizer's backends.
        test_out_dir: during testing, save every sample's picture to this folder (relative to
            the run's timestamped log dir unless absolute).
        max_samples: stop drawing test samples after this many (None: all).
    """
    priority = 'NORMAL'

    def __init__(self, draw: bool = False, interval: int = 50, test_out_dir: Optional[str] = None,
                 max_samples: Optional[int] = None):
        self.draw = draw
        self.interval = interval
        self.test_out_dir = test_out_dir
        self.max_samples = max_samples
        self._drawn = 0

    def after_val_iter(self, runner: Runner, batch_idx: int, data_batch: dict,
                       outputs: Sequence) -> None:
        if not self.draw or batch_idx % self.interval:
            return
        sample = outputs[0]
        runner.visualizer.add_datasample(
            f'val_{sample_name(sample, batch_idx)}', select_input(data_batch['inputs'], 0), sample,
            step=runner.iter)

    def before_test(self, runner: Runner) -> None:
        self._drawn = 0

    def after_test_iter(self, runner: Runner, batch_idx: int, data_batch: dict,
                        outputs: Sequence) -> None:
        if not self.draw or self.test_out_dir is None:
            return
        out_dir = self.test_out_dir
        if not osp.isabs(out_dir):
            out_dir = osp.join(runner.log_dir, out_dir)
        os.makedirs(out_dir, exist_ok=True)
        for i, sample in enumerate(outputs):
            if self.max_samples is not None and self._drawn >= self.max_samples:
                return
            index = batch_idx * len(outputs) + i
            name = sample_name(sample, index)
            runner.visualizer.add_datasample(name, select_input(data_batch['inputs'], i), sample,
                                             out_file=osp.join(out_dir, f'{name}.png'))
            self._drawn += 1
