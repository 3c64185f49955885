"""AnomalyInferencer on a config and a checkpoint, from files, folders and arrays."""
import cv2
import numpy as np
import pytest
import torch
from mmengine.config import Config
from mmengine.runner import save_checkpoint

from thesiscv.apis import AnomalyInferencer
from thesiscv.registry import MODELS
from ..conftest import ROOT

CONFIG = f'{ROOT}/configs/vae_attention/vaeatt-sa_convvae-d32_20e_synthetic-digits-oc1.py'


@pytest.fixture(scope='module')
def checkpoint(tmp_path_factory):
    model = MODELS.build(Config.fromfile(CONFIG).model)
    model.ndd.update_stats(model.ndd.moments(torch.zeros(4, 32), torch.zeros(4, 32)))
    path = tmp_path_factory.mktemp('ckpt') / 'model.pth'
    save_checkpoint(model.state_dict(), str(path))
    return str(path)


def test_folder_of_images_gives_maps_and_pictures(checkpoint, tmp_path):
    images = tmp_path / 'in'
    images.mkdir()
    for i in range(3):
        cv2.imwrite(str(images / f'd{i}.png'), np.random.default_rng(i).integers(
            0, 255, (40, 30), dtype=np.uint8))
    (images / 'notes.txt').write_text('not an image')
    inferencer = AnomalyInferencer(CONFIG, checkpoint, maps=('sa', 'da'))
    results = inferencer(str(images), out_dir=str(tmp_path / 'out'), batch_size=2)
    assert [r['name'] for r in results] == ['d0', 'd1', 'd2']
    assert results[0]['maps']['pred_map'].shape == (28, 28)
    assert set(results[0]['maps']) == {'pred_map', 'sa_map', 'da_mu', 'da_sigma', 'da_map'}
    assert results[0]['score'] == pytest.approx(results[0]['maps']['sa_map'].max())
    assert (tmp_path / 'out' / 'd2_anomaly.png').is_file()
    np.testing.assert_array_equal(np.load(tmp_path / 'out' / 'd1_anomaly.npy'),
                                  results[1]['maps']['pred_map'])
    arrays = inferencer([cv2.imread(str(images / 'd0.png'))[..., ::-1]])  # an RGB array
    assert arrays[0]['maps']['pred_map'].shape == (28, 28)


def test_missing_input_is_named(checkpoint):
    with pytest.raises(FileNotFoundError, match='nowhere.png'):
        AnomalyInferencer(CONFIG, checkpoint)('nowhere.png')
