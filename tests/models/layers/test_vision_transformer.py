"""The shared ViT and transformer layer: closed-form checks, mmpretrain key names, pos-embed
resizing."""
import torch

from thesiscv.models.layers import TransformerEncoderLayer, VisionTransformer


def tiny_vit(**kwargs):
    arch = dict(embed_dims=32, num_layers=2, num_heads=4, feedforward_channels=64)
    return VisionTransformer(arch=arch, img_size=32, patch_size=8, **kwargs)


def test_layer_with_zero_branches_is_identity():
    layer = TransformerEncoderLayer(16, 4, 32)
    torch.nn.init.zeros_(layer.attn.proj.weight)
    torch.nn.init.zeros_(layer.attn.proj.bias)
    torch.nn.init.zeros_(layer.ffn.layers[1].weight)
    torch.nn.init.zeros_(layer.ffn.layers[1].bias)
    x = torch.randn(2, 5, 16)
    assert torch.allclose(layer(x), x)


def test_attention_matches_explicit_softmax():
    torch.manual_seed(0)
    layer = TransformerEncoderLayer(8, 2, 16).eval()
    attn = layer.attn
    x = torch.randn(1, 3, 8)
    q, k, v = attn.qkv(x).reshape(1, 3, 3, 2, 4).permute(2, 0, 3, 1, 4)
    weights = (q @ k.transpose(-1, -2) / 2.0).softmax(-1)  # sqrt(head dim 4) = 2
    expected = attn.proj((weights @ v).transpose(1, 2).reshape(1, 3, 8))
    assert torch.allclose(attn(x), expected, atol=1e-6)


def test_outputs_and_mmpretrain_key_names():
    vit = tiny_vit(out_type='raw')
    assert vit(torch.randn(2, 3, 32, 32)).shape == (2, 17, 32)
    assert tiny_vit()(torch.randn(2, 3, 32, 32)).shape == (2, 32)
    assert tiny_vit(out_type='featmap')(torch.randn(2, 3, 32, 32)).shape == (2, 32, 4, 4)
    keys = set(vit.state_dict())
    for key in ('patch_embed.projection.weight', 'cls_token', 'pos_embed', 'ln1.weight',
                'layers.0.ln1.weight', 'layers.0.attn.qkv.weight', 'layers.0.attn.proj.weight',
                'layers.0.ln2.weight', 'layers.0.ffn.layers.0.0.weight',
                'layers.1.ffn.layers.1.weight'):
        assert key in keys, key


def test_pos_embed_of_another_grid_is_resized_on_load():
    big = VisionTransformer(arch=dict(embed_dims=32, num_layers=1, num_heads=4,
                                      feedforward_channels=64), img_size=64, patch_size=8)
    small = tiny_vit()
    state = {k: v for k, v in big.state_dict().items() if not k.startswith('layers.')}
    missing, unexpected = small.load_state_dict(state, strict=False)
    assert not unexpected and small.pos_embed.shape == (1, 17, 32)
    # the CLS position is kept as it is
    assert torch.equal(small.pos_embed[0, 0], big.pos_embed[0, 0])
