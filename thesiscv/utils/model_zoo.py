"""The model zoo: the machine-readable index, downloads with checksum and cache, resolution.

The index is OpenMMLab's: ``model-index.yml`` imports one ``configs/<method>/metafile.yml`` per
method, each listing models with ``Name``, ``Config``, ``Results``, ``Weights`` (URL, or null
while a model is not hosted yet), ``SHA256``, ``Size`` (bytes) and the ``Command`` that trained
it. ``model-zoo.md`` is rendered from it (:func:`render_markdown`); a test keeps the two in step.

Downloads go to ``$THESISCV_CACHE`` (default ``~/.cache/thesiscv/checkpoints``); a cached file
whose checksum matches is reused, and a download is written to a temporary name and only kept
when its sha256 matches the index.
"""
import hashlib
import os
import os.path as osp
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import yaml
from tqdm import tqdm


class ModelZooError(RuntimeError):
    """A model-zoo operation failed (unknown name, network failure, checksum mismatch)."""


def project_file(name: str) -> str:
    """Path of a top-level project file or folder (``configs``, ``model-index.yml``).

    Looks in the source checkout first (editable installs), then in the copy shipped inside the
    package (``thesiscv/.mim``).
    """
    package_dir = osp.dirname(osp.dirname(osp.abspath(__file__)))
    for base in (osp.dirname(package_dir), osp.join(package_dir, '.mim')):
        if osp.exists(osp.join(base, name)):
            return osp.join(base, name)
    raise FileNotFoundError(f'{name} is neither in the thesiscv checkout nor in the installed '
                            f'package ({package_dir}/.mim); reinstall thesiscv')


@dataclass
class ZooModel:
    """One entry of the model index."""
    name: str
    config: str
    collection: str = ''
    weights: Optional[str] = None
    sha256: Optional[str] = None
    size: Optional[int] = None
    results: List[dict] = field(default_factory=list)
    command: str = ''

    @property
    def metrics(self) -> Dict[str, float]:
        return {k: v for r in self.results for k, v in r.get('Metrics', {}).items()}


def load_index(index_file: Optional[str] = None) -> Dict[str, ZooModel]:
    """Read ``model-index.yml`` and the metafiles it imports: ``{name: ZooModel}``."""
    index_file = index_file or project_file('model-index.yml')
    root = osp.dirname(index_file)
    with open(index_file) as f:
        index = yaml.safe_load(f) or {}
    models: Dict[str, ZooModel] = {}
    for metafile in index.get('Import', []):
        with open(osp.join(root, metafile)) as f:
            meta = yaml.safe_load(f) or {}
        for m in meta.get('Models', []):
            if m['Name'] in models:
                raise ModelZooError(f"model name {m['Name']} appears twice (in {metafile})")
            models[m['Name']] = ZooModel(
                name=m['Name'], config=m['Config'], collection=m.get('In Collection', ''),
                weights=m.get('Weights'), sha256=m.get('SHA256'), size=m.get('Size'),
                results=m.get('Results', []), command=m.get('Command', ''))
    return models


def cache_dir() -> str:
    return os.environ.get('THESISCV_CACHE',
                          osp.join(osp.expanduser('~'), '.cache', 'thesiscv', 'checkpoints'))


def sha256sum(path: str, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(chunk), b''):
            digest.update(block)
    return digest.hexdigest()


def download(url: str, sha256: Optional[str] = None, dst_dir: Optional[str] = None,
             progress: bool = True, timeout: float = 30.0) -> str:
    """Download ``url`` into the cache (once) and check its sha256; return the local path.

    Raises:
        ModelZooError: the server cannot be reached or answers with an error, or the file's
            sha256 differs from ``sha256`` (the file is then deleted, not cached).
    """
    dst_dir = dst_dir or cache_dir()
    os.makedirs(dst_dir, exist_ok=True)
    filename = osp.basename(urllib.parse.urlparse(url).path) or 'checkpoint.pth'
    dst = osp.join(dst_dir, filename)
    if osp.isfile(dst) and (sha256 is None or sha256sum(dst) == sha256):
        return dst
    tmp = f'{dst}.part{os.getpid()}'
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, open(tmp, 'wb') as out:
            total = int(response.headers.get('Content-Length') or 0) or None
            with tqdm(total=total, unit='B', unit_scale=True, desc=filename,
                      disable=not progress) as bar:
                for block in iter(lambda: response.read(1 << 16), b''):
                    out.write(block)
                    bar.update(len(block))
    except (urllib.error.URLError, OSError) as err:
        if osp.exists(tmp):
            os.remove(tmp)
        reason = getattr(err, 'reason', err)
        raise ModelZooError(f'Could not download {url}: {reason}. Check the network connection, '
                            'or download the file by hand and pass its local path.') from None
    if sha256 is not None:
        got = sha256sum(tmp)
        if got != sha256:
            os.remove(tmp)
            raise ModelZooError(f'Checksum mismatch for {url}: sha256 {got} but the model index '
                                f'says {sha256}. The file was deleted; the download was corrupt '
                                'or the file changed on the server.')
    os.replace(tmp, dst)
    return dst


def resolve_checkpoint(source: str, index: Optional[Dict[str, ZooModel]] = None) -> str:
    """Turn a local path, an http(s) URL or a zoo name into the path of a local file."""
    if osp.isfile(source):
        return source
    if source.startswith(('http://', 'https://')):
        index = index if index is not None else _index_or_empty()
        known = next((m.sha256 for m in index.values() if m.weights == source), None)
        return download(source, sha256=known)
    index = index if index is not None else _index_or_empty()
    if source in index:
        model = index[source]
        if not model.weights:
            raise ModelZooError(
                f'Model zoo entry {source!r} has no hosted weights yet. Train it with '
                f'`{model.command or "python tools/train.py " + model.config}` and pass the '
                'checkpoint path instead.')
        return download(model.weights, sha256=model.sha256)
    raise FileNotFoundError(
        f'Checkpoint {source!r} is neither an existing file, an http(s) URL nor a model zoo '
        'name (see `python tools/model_zoo.py list`).')


def _index_or_empty() -> Dict[str, ZooModel]:
    try:
        return load_index()
    except FileNotFoundError:
        return {}


def render_markdown(index: Dict[str, ZooModel]) -> str:
    """The human-readable ``model-zoo.md``, one table per method collection."""
    lines = ['# Model zoo', '',
             'Generated by `python tools/model_zoo.py render` from `model-index.yml` and the '
             'metafiles it imports; do not edit by hand.',
             'Every figure is what this repository measured with the listed command; the '
             "thesis's own figures are in each method's README.", '',
             'Download with `python tools/model_zoo.py download NAME`; `load_from`, `--checkpoint` '
             'and `tools/test.py CONFIG NAME` accept the name directly. Weights marked '
             '"not hosted" are reproduced with the command shown.', '']
    collections: Dict[str, List[ZooModel]] = {}
    for model in index.values():
        collections.setdefault(model.collection or 'other', []).append(model)
    for collection, models in collections.items():
        lines += [f'## {collection}', '',
                  '| name | config | metrics | size | weights | sha256 | command |',
                  '| --- | --- | --- | --- | --- | --- | --- |']
        for m in models:
            metrics = ', '.join(f'{k} {v}' for k, v in m.metrics.items())
            size = f'{m.size / 2**20:.1f} MiB' if m.size else ''
            weights = f'[download]({m.weights})' if m.weights else 'not hosted'
            lines.append(f'| {m.name} | [{osp.basename(m.config)}]({m.config}) | {metrics} | '
                         f'{size} | {weights} | `{(m.sha256 or "")[:16]}` | `{m.command}` |')
        lines.append('')
    return '\n'.join(lines)
