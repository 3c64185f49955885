"""Edge-aware smoothness of the mean-normalized disparity (thesis Eq. 5.5).

``L_s = mean |dx d*| exp(-|dx I|) + mean |dy d*| exp(-|dy I|)`` with ``d* = d / mean(d)`` per
image and image gradients averaged over colour channels.
Shapes: disparity ``(B, 1, h, w)`` and image ``(B, 3, h, w)`` -> scalar.
"""
from torch import Tensor, nn

from thesiscv.registry import MODELS


@MODELS.register_module()
class SmoothnessLoss(nn.Module):
    """Edge-aware smoothness loss.

    Args:
        loss_weight: tau (1e-3).
        mean_normalize: divide the disparity by its per-image mean first.
    """

    def __init__(self, loss_weight: float = 1e-3, mean_normalize: bool = True):
        super().__init__()
        self.loss_weight = loss_weight
        self.mean_normalize = mean_normalize

    def forward(self, disp: Tensor, image: Tensor) -> Tensor:
        if self.mean_normalize:
            disp = disp / (disp.mean(dim=(2, 3), keepdim=True) + 1e-7)
        grad_disp_x = (disp[..., :, :-1] - disp[..., :, 1:]).abs()
        grad_disp_y = (disp[..., :-1, :] - disp[..., 1:, :]).abs()
        grad_img_x = (image[..., :, :-1] - image[..., :, 1:]).abs().mean(1, keepdim=True)
        grad_img_y = (image[..., :-1, :] - image[..., 1:, :]).abs().mean(1, keepdim=True)
        loss = ((grad_disp_x * (-grad_img_x).exp()).mean()
                + (grad_disp_y * (-grad_img_y).exp()).mean())
        return self.loss_weight * loss
