"""The ST-TR baseline backbone: shapes for GCNHead and attention over joints and frames."""
import torch

from thesiscv.models.emanet import STTRBackbone


def test_shapes_and_joint_permutation_equivariance():
    torch.manual_seed(0)
    net = STTRBackbone(embed_dims=16, num_stages=2, num_heads=2, max_frames=8,
                       temporal_strides=(1, 2)).eval()
    x = torch.randn(2, 1, 8, 17, 3)
    out = net(x)
    assert out.shape == (2, 1, 16, 4, 17)
    torch.nn.init.zeros_(net.joint_pos)  # without joint embeddings, joints are a set:
    perm = torch.randperm(17)
    assert torch.allclose(net(x[:, :, :, perm]), net(x)[..., perm], atol=1e-5)
    # temporal attention mixes frames: changing the last frame changes the first output frame
    y = x.clone()
    y[:, :, -1] += 1
    assert not torch.allclose(net(y)[:, :, :, 0], net(x)[:, :, :, 0])
