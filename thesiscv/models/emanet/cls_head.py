"""S9: the classifier (thesis §2.3.4 and Eq. 2.8, spec §2.9).

"Two fully-connected layers with normalisation and dropout" on the flattened fused feature:
``Linear(in, hidden) -> LayerNorm -> GELU -> Dropout -> Linear(hidden, C)``; softmax and
cross-entropy ``L = -sum_c y_c log p_c`` (Eq. 2.8, its typo fixed, A#13) through mmaction2's
:class:`~mmaction.models.heads.BaseHead` (loss, top-k accuracy, ``pred_score``).
Input ``(B, in_channels)``, output logits ``(B, C)``.
"""
import torch
import torch.nn as nn
from mmaction.models.heads import BaseHead

from thesiscv.registry import MODELS


@MODELS.register_module()
class EMAClsHead(BaseHead):
    """Two-layer classification head.

    Args:
        num_classes: C (3, 6 or 4).
        in_channels: width of the fused feature.
        hidden_channels: width of the first layer (256).
        dropout_ratio: dropout between the layers (0.5).
        loss_cls: mmaction2 loss (``dict(type='mmaction.CrossEntropyLoss')``; it takes
            ``class_weight`` for imbalanced classes).
        average_clips: ``'prob'``: ``pred_score`` holds softmax probabilities.
    """

    def __init__(self, num_classes: int, in_channels: int, hidden_channels: int = 256,
                 dropout_ratio: float = 0.5,
                 loss_cls: dict = dict(type='mmaction.CrossEntropyLoss'),
                 topk: tuple = (1,), average_clips: str = 'prob', **kwargs):
        super().__init__(num_classes, in_channels, loss_cls=loss_cls, topk=topk,
                         average_clips=average_clips, **kwargs)
        self.fc1 = nn.Linear(in_channels, hidden_channels)
        self.norm = nn.LayerNorm(hidden_channels)
        self.act = nn.GELU()
        self.dropout = nn.Dropout(dropout_ratio)
        self.fc2 = nn.Linear(hidden_channels, num_classes)

    def forward(self, x: torch.Tensor, **kwargs) -> torch.Tensor:
        """``(B, in_channels) -> (B, num_classes)`` logits."""
        return self.fc2(self.dropout(self.act(self.norm(self.fc1(x)))))
