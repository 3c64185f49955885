"""Install thesiscv: ``pip install -e .`` (editable) or ``pip install .``.

The pinned stack and the steps it needs (mmcv compiled with ops, mmpose/mmaction2 without their
broken dependencies) are installed by ``tools/install.sh``; ``install_requires`` only names what
a plain ``pip install`` can resolve on its own. Configs and the model index are shipped inside the
package (``thesiscv/.mim``), as in OpenMMLab packages, so an installed thesiscv finds them.
"""
import os
import re
import shutil

from setuptools import find_packages, setup

ROOT = os.path.dirname(os.path.abspath(__file__))


def read_version() -> str:
    with open(os.path.join(ROOT, 'thesiscv', 'version.py')) as f:
        return re.search(r"__version__ = '([^']+)'", f.read()).group(1)


def parse_requirements(name: str) -> list:
    """Requirement specifiers of requirements/<name>.txt, comments and tags dropped."""
    reqs = []
    with open(os.path.join(ROOT, 'requirements', name)) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                reqs.append(line)
    return reqs


def add_mim_extension() -> None:
    """Copy configs/ and the model index into thesiscv/.mim for non-editable builds."""
    mim = os.path.join(ROOT, 'thesiscv', '.mim')
    if not {'sdist', 'bdist_wheel'} & set(os.sys.argv):
        return  # editable installs (and metadata steps) read them from the checkout
    os.makedirs(mim, exist_ok=True)
    for name in ('configs', 'model-index.yml', 'model-zoo.md'):
        src, dst = os.path.join(ROOT, name), os.path.join(mim, name)
        if os.path.isdir(dst):
            shutil.rmtree(dst)
        if os.path.isdir(src):
            shutil.copytree(src, dst)
        elif os.path.isfile(src):
            shutil.copyfile(src, dst)


if __name__ == '__main__':
    add_mim_extension()
    setup(
        name='thesiscv',
        version=read_version(),
        description='OpenMMLab-style toolbox for the six methods of one PhD thesis: EMA-Net, '
        'RECLIP, AKD-GAN, MonoIndoor++, LMR and VAE attention',
        long_description=open(os.path.join(ROOT, 'README.md'), encoding='utf-8').read(),
        long_description_content_type='text/markdown',
        license='Apache License 2.0',
        python_requires='>=3.9',
        packages=find_packages(exclude=('configs', 'tools', 'tests', 'data', 'work_dirs')),
        include_package_data=True,
        package_data={'thesiscv': ['.mim/configs/**/*', '.mim/model-index.yml',
                                   '.mim/model-zoo.md']},
        install_requires=[r for r in parse_requirements('runtime.txt')
                          if not r.startswith(('setuptools', 'wheel', 'ninja'))],
        extras_require={
            'mim': parse_requirements('mminstall.txt'),
            'tests': parse_requirements('tests.txt'),
            'optional': parse_requirements('optional.txt'),
        },
        zip_safe=False,
    )
