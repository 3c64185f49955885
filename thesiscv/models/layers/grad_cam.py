"""Grad-CAM core shared by every method that explains a network output with its feature maps.

Grad-CAM (Selvaraju et al. 2017) weighs the channels of a feature map ``A`` (``B x n x h x w``)
by the global-average-pooled gradient of an output ``y_k`` and sums them:

    alpha^k_c = 1/(h w) * sum_{p,q} d y_k / d A_{c,p,q}          (VAE attention Eq. 7.3,
    M_k = act( sum_c alpha^k_c A_c )                               AKD-GAN Eqs. 4.4-4.5)

This module holds the method-neutral pieces:

* :class:`FeatureCapture` keeps the output of a named sub-module during a forward pass;
* :func:`gap_gradients` computes ``alpha`` for several outputs at once with batched
  ``torch.autograd.grad`` (one call per chunk of outputs, optionally ``create_graph=True`` so
  that a loss on the maps trains the network through ``alpha``: double backprop);
* :func:`cam_maps` forms the weighted channel sums and applies the activation.

The gradients are per-sample exact when the network has no batch-coupled layers (BatchNorm in
train mode couples samples: compute attention in eval mode).
"""
from typing import List, Optional

import torch
import torch.nn as nn

ACTIVATIONS = ('relu', 'abs', 'none')


class FeatureCapture:
    """Capture the output of ``model.get_submodule(layer)`` while inside ``with capture(...)``.

    Args:
        model: the network.
        layer: a module path from ``model.named_modules()`` (e.g. ``'encoder.conv2'``).
        require_grad: when the captured output does not require grad (frozen weights, or a
            no-grad input to the first layer), replace it by a leaf that does, so that gradients
            with respect to it exist. The layers before it then get no gradient, as for any leaf.

    Example::

        with FeatureCapture(vae, 'encoder.conv2') as cap:
            mu, logvar = vae.encode(x)
        feats = cap.output            # (B, n, h, w), in the graph of mu and logvar
    """

    def __init__(self, model: nn.Module, layer: str, require_grad: bool = True):
        try:
            self.module = model.get_submodule(layer)
        except AttributeError as err:
            names = [n for n, _ in model.named_modules() if n]
            raise KeyError(f'target_layer {layer!r} is not a sub-module of '
                           f'{type(model).__name__}; choose one of: {", ".join(names)}') from err
        self.layer = layer
        self.require_grad = require_grad
        self.outputs: List[torch.Tensor] = []

    @property
    def output(self) -> torch.Tensor:
        """The captured output of the last forward pass through the layer."""
        if not self.outputs:
            raise RuntimeError(f'layer {self.layer!r} was not called in the forward pass')
        return self.outputs[-1]

    def _hook(self, module: nn.Module, args, output: torch.Tensor) -> torch.Tensor:
        if self.require_grad and not output.requires_grad:
            output = output.detach().requires_grad_(True)
        self.outputs.append(output)
        return output

    def __enter__(self) -> 'FeatureCapture':
        self.outputs = []
        self._handle = self.module.register_forward_hook(self._hook)
        return self

    def __exit__(self, *exc) -> None:
        self._handle.remove()


def gap_gradients(outputs: torch.Tensor, features: torch.Tensor, create_graph: bool = False,
                  grad_norm: Optional[str] = None, chunk_bytes: int = 1 << 28) -> torch.Tensor:
    """Grad-CAM channel weights ``alpha`` of every output column (Eq. 7.3 / Eq. 4.5).

    Args:
        outputs: ``(B, K)``, a differentiable function of ``features``; column ``k`` of sample
            ``b`` depends only on sample ``b``'s features (no batch coupling).
        features: ``(B, n, h, w)`` feature maps in the graph of ``outputs``.
        create_graph: keep the graph of the gradients (needed when a loss on the maps must
            train the network through ``alpha``).
        grad_norm: ``None``, or ``'rms'`` to divide each sample's gradient tensor by
            ``sqrt(mean(G^2)) + 1e-5`` before pooling (the public VAE-attention code's choice).
        chunk_bytes: memory bound for the ``(K_chunk, B, n, h, w)`` gradient block.

    Returns:
        ``(B, K, n)`` weights.
    """
    if grad_norm not in (None, 'rms'):
        raise ValueError(f'grad_norm must be None or "rms", got {grad_norm!r}')
    batch, num = outputs.shape
    per_output = features.numel() * features.element_size()
    chunk = max(1, min(num, chunk_bytes // max(per_output, 1)))
    eye = torch.eye(num, dtype=outputs.dtype, device=outputs.device)
    weights = []
    for start in range(0, num, chunk):
        stop = min(num, start + chunk)
        grad_out = eye[start:stop, None, :].expand(stop - start, batch, num)
        grads, = torch.autograd.grad(outputs, features, grad_outputs=grad_out,
                                     retain_graph=True, create_graph=create_graph,
                                     is_grads_batched=True)
        if grad_norm == 'rms':
            grads = grads / (grads.pow(2).mean(dim=(2, 3, 4), keepdim=True).sqrt() + 1e-5)
        weights.append(grads.mean(dim=(3, 4)))  # (K_chunk, B, n)
    return torch.cat(weights, dim=0).transpose(0, 1)


def cam_maps(weights: torch.Tensor, features: torch.Tensor, activation: str = 'relu'
             ) -> torch.Tensor:
    """Weighted channel sums ``act(sum_c alpha_c A_c)`` (Eq. 7.2 / Eq. 4.4).

    Args:
        weights: ``(..., B, K, n)`` channel weights (any leading dims, e.g. latent samples).
        features: ``(B, n, h, w)``.
        activation: ``'relu'`` (Grad-CAM), ``'abs'`` or ``'none'``.

    Returns:
        ``(..., B, K, h, w)`` maps.
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f'activation must be one of {ACTIVATIONS}, got {activation!r}')
    maps = torch.einsum('...bkn,bnhw->...bkhw', weights, features)
    if activation == 'relu':
        return maps.relu()
    if activation == 'abs':
        return maps.abs()
    return maps
