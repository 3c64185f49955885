"""Fill a one-class VAE's normal-data latent statistics (thesis Sec. 7.4.1, Eq. 7.5).

Anomaly attention draws codes from ``N(mu^x - mu^y, sigma^x^2 + sigma^y^2)``, where ``mu^x`` and
``sigma^x`` describe the posteriors of the normal training images. This hook encodes the
training images (eval mode, no gradients) and stores the statistics in the model's
``ndd`` buffers, so they are saved with every checkpoint:

* after every ``interval``-th training epoch and the last one (before the checkpoint hook,
  which runs at a lower priority), and before a validation whose model changed since;
* before testing, when the loaded checkpoint has no statistics yet.

Distributed runs add up the per-rank moments, so every rank gets the same statistics.
"""
from typing import Optional

import torch
from mmengine.dist import all_reduce
from mmengine.hooks import Hook
from mmengine.model import is_model_wrapper
from mmengine.runner import Runner

from thesiscv.registry import HOOKS


@HOOKS.register_module()
class NormalStatsHook(Hook):
    """Args:
        interval: refresh the statistics every ``interval`` training epochs (and at the end).
        dataloader: a dataloader config of the normal images; default: the run's
            ``train_dataloader`` (with its augmentation).
        max_batches: use at most this many batches (None: the whole loader).
    """
    priority = 'NORMAL'

    def __init__(self, interval: int = 1, dataloader: Optional[dict] = None,
                 max_batches: Optional[int] = None):
        self.interval = interval
        self.dataloader_cfg = dataloader
        self.max_batches = max_batches
        self._fresh = False

    @staticmethod
    def _model(runner: Runner):
        model = runner.model.module if is_model_wrapper(runner.model) else runner.model
        if not hasattr(model, 'ndd'):
            raise TypeError(f'NormalStatsHook needs a model with an `ndd` (a '
                            f'OneClassVAEDetector), got {type(model).__name__}')
        return model

    def _loader(self, runner: Runner, training: bool):
        if self.dataloader_cfg is not None:
            return runner.build_dataloader(self.dataloader_cfg)
        if training:
            return runner.train_dataloader
        return runner.build_dataloader(runner.cfg.train_dataloader)

    @torch.no_grad()
    def update(self, runner: Runner, training: bool = True) -> None:
        """Encode the normal images and set the model's NDD statistics."""
        model = self._model(runner)
        if model.ndd.normal_stats == 'prior':
            return
        was_training = model.training
        model.eval()
        moments = None
        for i, data in enumerate(self._loader(runner, training)):
            if self.max_batches is not None and i >= self.max_batches:
                break
            data = model.data_preprocessor(data, False)
            batch = model.ndd.moments(*model.vae.encode(data['inputs']))
            moments = batch if moments is None else moments + batch
        if moments is None:
            raise ValueError('NormalStatsHook: the dataloader of normal images is empty')
        all_reduce(moments)
        model.ndd.update_stats(moments)
        model.train(was_training)
        runner.logger.info(f'NormalStatsHook: normal-data statistics from '
                           f'{int(moments[0, 0])} images')
        self._fresh = True

    def after_train_iter(self, runner: Runner, batch_idx: int, data_batch=None,
                         outputs=None) -> None:
        self._fresh = False

    def after_train_epoch(self, runner: Runner) -> None:
        if self.every_n_epochs(runner, self.interval) or self.is_last_train_epoch(runner):
            self.update(runner)

    def before_val(self, runner: Runner) -> None:
        if not self._fresh or self._model(runner).ndd.needs_stats:
            self.update(runner)

    def before_test(self, runner: Runner) -> None:
        if self._model(runner).ndd.needs_stats:
            self.update(runner, training=False)
