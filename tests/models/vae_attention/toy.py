"""The spec's toy VAE for closed-form attention checks (spec Sec. 6.5).

The target layer ``A`` is the input itself (an identity module), ``mu = W vec(A) + c`` is
linear and ``logvar`` is constant, so ``dz_i/dA = W_i`` (reshaped) whatever the noise, and
Grad-CAM's weights are ``alpha^i_k = mean(W_i[k])``.
"""
import torch
import torch.nn as nn


class ToyVAE(nn.Module):
    """``x (B, n, h, w)`` -> ``mu = W vec(x) + c`` (``(B, D)``), ``logvar`` constant."""

    def __init__(self, weight: torch.Tensor, logvar: float = -1.0):
        super().__init__()
        self.latent_dim = weight.shape[0]
        self.target = nn.Identity()
        self.mu = nn.Linear(weight.shape[1], self.latent_dim)
        with torch.no_grad():
            self.mu.weight.copy_(weight)
        self.logvar = nn.Parameter(torch.full((self.latent_dim, ), logvar),
                                   requires_grad=False)

    def encode(self, x: torch.Tensor):
        a = self.target(x)
        return self.mu(a.flatten(1)), self.logvar.expand(len(x), -1)


def hand_maps(weight: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Eqs. 7.2-7.3 by hand: per-dim maps ``(B, D, h, w)`` of the toy VAE."""
    n, h, w = x.shape[1:]
    alpha = weight.view(-1, n, h, w).mean(dim=(2, 3))  # (D, n)
    maps = torch.zeros(x.shape[0], weight.shape[0], h, w)
    for b in range(x.shape[0]):
        for i in range(weight.shape[0]):
            for k in range(n):
                maps[b, i] += alpha[i, k] * x[b, k]
    return maps.relu()
