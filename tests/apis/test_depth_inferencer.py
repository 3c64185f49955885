"""DepthInferencer on arrays, a folder of images and a video (the demo script runs in
tests/tools/test_monoindoor_tools.py on a trained checkpoint)."""
import os

import cv2
import numpy as np
import pytest

from thesiscv.apis import DepthInferencer
from thesiscv.datasets.synthetic.indoor_rooms import load_textures, render_sequence

from ..conftest import ROOT

CONFIG = os.path.join(ROOT, 'configs', 'monoindoor', 'synthetic.py')


@pytest.fixture(scope='module')
def frames():
    rng = np.random.default_rng(0)
    return render_sequence(rng, load_textures(rng), 3, 48, 80, 1.0)['rgb']


@pytest.fixture(scope='module')
def inferencer():
    return DepthInferencer(CONFIG, checkpoint=None)


def test_arrays_and_folder(inferencer, frames, tmp_path):
    out = inferencer(list(frames), batch_size=2)
    assert len(out) == 3 and out[0]['depth'].shape == (48, 80)  # back at the frame size
    assert np.isfinite(out[0]['depth']).all() and (out[0]['depth'] > 0).all()
    folder = tmp_path / 'imgs'
    folder.mkdir()
    for i, f in enumerate(frames):
        cv2.imwrite(str(folder / f'{i}.png'), f[..., ::-1])
    res = inferencer(str(folder), out_dir=str(tmp_path / 'out'))
    assert [r['name'] for r in res] == ['0', '1', '2']
    saved = np.load(tmp_path / 'out' / '1.npy')
    assert np.allclose(saved, out[1]['depth'], rtol=1e-4)  # PNG round trip is lossless
    assert cv2.imread(str(tmp_path / 'out' / '1_depth.png')).shape == (48, 80, 3)


def test_video_and_errors(inferencer, frames, tmp_path):
    path = str(tmp_path / 'clip.avi')
    writer = cv2.VideoWriter(path, cv2.VideoWriter_fourcc(*'MJPG'), 10, (80, 48))
    for f in frames:
        writer.write(np.ascontiguousarray(f[..., ::-1]))
    writer.release()
    res = inferencer(path)
    assert [r['name'] for r in res] == ['clip_000000', 'clip_000001', 'clip_000002']
    (tmp_path / 'bad.avi').write_bytes(b'not a video')
    with pytest.raises(OSError, match='bad.avi'):
        inferencer(str(tmp_path / 'bad.avi'))
    with pytest.raises(FileNotFoundError, match='missing.png'):
        inferencer(str(tmp_path / 'missing.png'))
