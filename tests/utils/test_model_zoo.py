"""Model zoo: download from a local server with checksum and cache; clear errors; the index."""
import functools
import hashlib
import http.server
import os
import socket
import threading

import pytest
import torch
import yaml

from thesiscv.utils.checkpoint import safe_load
from thesiscv.utils.model_zoo import (ModelZooError, load_index, render_markdown,
                                      resolve_checkpoint)

from ..conftest import ROOT, run_tool


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    requests = []

    def do_GET(self):
        type(self).requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    """An HTTP server on 127.0.0.1 serving tmp_path/www; yields (base_url, request_log)."""
    www = tmp_path / 'www'
    www.mkdir()
    handler = type('Handler', (_CountingHandler, ), {'requests': []})
    httpd = http.server.ThreadingHTTPServer(
        ('127.0.0.1', 0), functools.partial(handler, directory=str(www)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f'http://127.0.0.1:{httpd.server_address[1]}', handler.requests, www
    httpd.shutdown()


def _write_index(tmp_path, url: str, sha256: str) -> str:
    configs = tmp_path / 'configs' / 'toy'
    configs.mkdir(parents=True)
    (configs / 'metafile.yml').write_text(yaml.safe_dump(dict(
        Collections=[dict(Name='Toy')],
        Models=[dict(Name='toy_mlp', **{'In Collection': 'Toy'}, Config='configs/toy/toy.py',
                     Results=[dict(Task='Classification', Dataset='blobs',
                                   Metrics=dict(accuracy=1.0))],
                     Weights=url, SHA256=sha256, Size=123, Command='python tools/train.py x'),
                dict(Name='toy_unhosted', **{'In Collection': 'Toy'},
                     Config='configs/toy/toy.py', Weights=None, Command='python tools/train.py y')],
    )))
    index = tmp_path / 'model-index.yml'
    index.write_text(yaml.safe_dump(dict(Import=['configs/toy/metafile.yml'])))
    return str(index)


@pytest.fixture
def checkpoint(server):
    base, requests, www = server
    torch.save({'state_dict': {'w': torch.arange(4.0)}}, www / 'toy.pth')
    digest = hashlib.sha256((www / 'toy.pth').read_bytes()).hexdigest()
    return f'{base}/toy.pth', digest, requests


def test_download_verifies_and_caches(tmp_path, checkpoint):
    url, digest, requests = checkpoint
    index = _write_index(tmp_path, url, digest)
    env = dict(THESISCV_CACHE=str(tmp_path / 'cache'))
    out = run_tool('model_zoo.py', '--index', index, 'download', 'toy_mlp', env=env).stdout
    cached = tmp_path / 'cache' / 'toy.pth'
    assert 'sha256 verified' in out and cached.is_file()
    assert requests == ['/toy.pth']
    run_tool('model_zoo.py', '--index', index, 'download', 'toy_mlp', env=env)
    assert requests == ['/toy.pth'], 'the second call downloaded again'
    out = run_tool('model_zoo.py', '--index', index, 'verify', str(cached),
                   '--name', 'toy_mlp').stdout
    assert digest in out and 'OK: matches toy_mlp' in out


def test_wrong_checksum_is_refused_and_not_cached(tmp_path, checkpoint, monkeypatch):
    url, _, _ = checkpoint
    monkeypatch.setenv('THESISCV_CACHE', str(tmp_path / 'cache'))
    index = load_index(_write_index(tmp_path, url, '0' * 64))
    with pytest.raises(ModelZooError, match='Checksum mismatch.*toy.pth'):
        resolve_checkpoint('toy_mlp', index)
    assert not (tmp_path / 'cache' / 'toy.pth').exists()
    assert os.listdir(tmp_path / 'cache') == [], 'a partial file was left behind'


def test_unreachable_server_gives_clear_error(tmp_path, monkeypatch):
    with socket.socket() as s:  # a port with nobody listening
        s.bind(('127.0.0.1', 0))
        port = s.getsockname()[1]
    monkeypatch.setenv('THESISCV_CACHE', str(tmp_path / 'cache'))
    with pytest.raises(ModelZooError, match=f'Could not download http://127.0.0.1:{port}/x.pth'):
        resolve_checkpoint(f'http://127.0.0.1:{port}/x.pth', index={})


def test_zoo_name_and_url_load_through_safe_loader(tmp_path, checkpoint, monkeypatch):
    url, digest, requests = checkpoint
    monkeypatch.setenv('THESISCV_CACHE', str(tmp_path / 'cache'))
    index = load_index(_write_index(tmp_path, url, digest))
    path = resolve_checkpoint('toy_mlp', index)
    torch.testing.assert_close(safe_load(path)['state_dict']['w'], torch.arange(4.0))
    torch.testing.assert_close(safe_load(url)['state_dict']['w'], torch.arange(4.0))
    assert requests == ['/toy.pth']
    with pytest.raises(ModelZooError, match='toy_unhosted.*no hosted weights.*tools/train.py y'):
        resolve_checkpoint('toy_unhosted', index)


def test_render_lists_models(tmp_path):
    text = render_markdown(load_index(_write_index(tmp_path, 'http://h/toy.pth', 'ab' * 32)))
    assert '## Toy' in text and '| toy_mlp |' in text and 'accuracy 1.0' in text
    assert 'not hosted' in text  # toy_unhosted


def test_project_model_zoo_md_is_rendered_from_the_index():
    index = load_index(os.path.join(ROOT, 'model-index.yml'))
    for model in index.values():
        assert os.path.isfile(os.path.join(ROOT, model.config)), model.config
    run_tool('model_zoo.py', 'render', '--check')
