"""Coordinate channels (Eq. 5.16) and the ImageNet initialization of the 8-channel conv1."""
import pytest
import torch

from thesiscv.models.monoindoor import CoordConvEncoding, MonoResNetEncoder
from thesiscv.models.monoindoor.coord_conv import coord_channels


def test_coord_channels_span_minus_one_to_one():
    c = coord_channels(4, 6, torch.zeros(1))
    assert c.shape == (2, 4, 6)
    assert (c[0, 0] == -1).all() and (c[0, -1] == 1).all()  # i: first row -1, last row +1
    assert (c[1, :, 0] == -1).all() and (c[1, :, -1] == 1).all()  # j: columns
    assert torch.allclose(c[0, :, 0], torch.tensor([-1, -1 / 3, 1 / 3, 1]))
    out = CoordConvEncoding('input')(torch.zeros(2, 6, 4, 6))
    assert out.shape == (2, 8, 4, 6) and torch.equal(out[1, 6:], c)


def test_invalid_position():
    with pytest.raises(ValueError, match='position'):
        CoordConvEncoding('output')


@pytest.mark.parametrize('coord_init', ['imagenet', 'random'])
def test_conv1_initialization_from_imagenet(tmp_path, coord_init):
    torch.manual_seed(0)
    ref = MonoResNetEncoder(18).encoder.resnet
    state = {k: v for k, v in ref.state_dict().items()}
    state['fc.weight'] = torch.zeros(1000, 512)  # torchvision checkpoints carry fc
    path = tmp_path / 'resnet18.pth'
    torch.save(state, path)
    enc = MonoResNetEncoder(18, num_input_images=2, extra_in_channels=2, pretrained=str(path),
                            coord_init=coord_init)
    enc.init_weights()
    w, rgb = enc.encoder.resnet.conv1.weight, state['conv1.weight']
    assert w.shape == (64, 8, 7, 7)
    assert torch.allclose(w[:, :3], rgb / 2) and torch.allclose(w[:, 3:6], rgb / 2)
    coord = rgb.mean(1, keepdim=True) / 2
    assert torch.allclose(w[:, 6:], coord.expand(-1, 2, -1, -1)) == (coord_init == 'imagenet')
    assert torch.equal(enc.encoder.resnet.layer4[1].conv2.weight, state['layer4.1.conv2.weight'])


def test_missing_pretrained_file_is_named(tmp_path):
    enc = MonoResNetEncoder(18, pretrained=str(tmp_path / 'nope.pth'))
    with pytest.raises(FileNotFoundError, match='nope.pth'):
        enc.init_weights()


def test_narrow_encoder_halves_every_stage():
    enc = MonoResNetEncoder(18, num_input_images=2, base_channels=32)
    assert enc.channels == (32, 32, 64, 128, 256)
    feats = enc(torch.rand(1, 6, 64, 96))
    assert [f.shape[1] for f in feats] == list(enc.channels)
    assert [f.shape[-1] for f in feats] == [48, 24, 12, 6, 3]
