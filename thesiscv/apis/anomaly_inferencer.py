"""Anomaly localisation with a trained one-class VAE (thesis Sec. 7.4; Figs. 7.4, 7.7-7.9).

``AnomalyInferencer(config, checkpoint)(source, out_dir)`` reads an image file, a folder of
images or ``H x W [x 3]`` uint8 arrays (RGB), loads each as the model was trained (grayscale or
colour, resized to the VAE's input size, with mmcv's transforms), computes the anomaly maps the
config names (SA, DA, diffmap) and the image score, and with ``out_dir`` writes
``<name>_anomaly.png`` (input, overlays of every map) and ``<name>_anomaly.npy`` (the score map).
The checkpoint must hold the normal-data statistics (trained with ``NormalStatsHook``).
"""
import os
import os.path as osp
from itertools import islice
from typing import Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np
import torch
from mmcv.transforms import Compose

from thesiscv.datasets.mvtec import IMAGE_EXTS, list_images
from thesiscv.registry import INFERENCERS
from thesiscv.visualization.attention_visualizer import AttentionVisualizer
from .inference import init_model

Source = Union[str, np.ndarray, Sequence[np.ndarray]]


def iter_images(source: Source) -> Iterator[Tuple[str, dict]]:
    """``(name, pipeline input)`` pairs of a file, a folder or arrays."""
    if isinstance(source, np.ndarray):
        source = [source]
    if not isinstance(source, str):
        for i, array in enumerate(source):
            array = np.asarray(array)
            yield f'{i:06d}', dict(img=array[..., ::-1] if array.ndim == 3 else array)
        return
    if osp.isdir(source):
        paths = [osp.join(source, name) for name in list_images(source)]
        if not paths:
            raise FileNotFoundError(f'no images ({", ".join(IMAGE_EXTS)}) in folder {source}')
    elif osp.isfile(source):
        paths = [source]
    else:
        raise FileNotFoundError(f'input {source} does not exist')
    for path in paths:
        yield osp.splitext(osp.basename(path))[0], dict(img_path=path)


@INFERENCERS.register_module()
class AnomalyInferencer:
    """Anomaly maps of a :class:`OneClassVAEDetector` from its config and checkpoint.

    Args:
        config: the model's config file.
        checkpoint: checkpoint path / URL / zoo name.
        device: ``'cpu'`` or ``'cuda'``.
        maps: override the config's ``maps`` (e.g. ``('sa', 'da')``).
    """

    def __init__(self, config: str, checkpoint: Optional[str] = None, device: str = 'cpu',
                 maps: Optional[Sequence[str]] = None):
        options = dict(model=dict(maps=tuple(maps))) if maps else None
        self.model = init_model(config, checkpoint, device, cfg_options=options)
        vae = self.model.vae
        color = 'grayscale' if vae.in_channels == 1 else 'color'
        height, width = vae.input_size
        self.load = Compose([dict(type='mmcv.LoadImageFromFile', color_type=color)])
        self.prepare = Compose([
            dict(type='mmcv.Resize', scale=(width, height), keep_ratio=False),
            dict(type='PackVAEInputs')])
        self.gray = vae.in_channels == 1
        self.visualizer = AttentionVisualizer(name='anomaly_inferencer')

    def _pack(self, item: dict) -> dict:
        if 'img_path' in item:
            loaded = self.load(dict(item))
            if loaded is None:
                raise OSError(f'cannot read image {item["img_path"]}')
            item = loaded
        elif self.gray and item['img'].ndim == 3:
            item = dict(img=item['img'].mean(2).astype(np.uint8))
        return self.prepare(item)

    def predict(self, items: List[dict]) -> List:
        """Pipeline inputs -> predicted data samples (maps at the model's input size)."""
        packed = [self._pack(item) for item in items]
        data = self.model.data_preprocessor(
            dict(inputs=[p['inputs'] for p in packed],
                 data_samples=[p['data_samples'] for p in packed]), False)
        with torch.no_grad():
            samples = self.model.predict(data['inputs'], data['data_samples'])
        for sample, inputs in zip(samples, data['inputs']):
            sample.set_metainfo(dict(model_input=inputs.cpu()))
        return samples

    def __call__(self, source: Source, out_dir: Optional[str] = None,
                 batch_size: int = 8) -> List[dict]:
        """Predict every image; returns ``dict(name, score, maps)`` per image."""
        if out_dir:
            os.makedirs(out_dir, exist_ok=True)
        results = []
        images = iter_images(source)
        while batch := list(islice(images, batch_size)):
            names, items = zip(*batch)
            for name, sample in zip(names, self.predict(list(items))):
                results.append(self._result(name, sample, out_dir))
        return results

    def _result(self, name: str, sample, out_dir: Optional[str]) -> dict:
        maps = {k: sample.get(k).cpu().numpy() for k in
                ('pred_map', 'sa_map', 'da_mu', 'da_sigma', 'da_map', 'diffmap')
                if k in sample}
        if out_dir:
            np.save(osp.join(out_dir, f'{name}_anomaly.npy'), maps['pred_map'])
            self.visualizer.add_datasample(name, sample.model_input, sample,
                                           out_file=osp.join(out_dir, f'{name}_anomaly.png'))
        return dict(name=name, score=float(sample.pred_score), maps=maps)
