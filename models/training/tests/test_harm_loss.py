"""train.harm_loss: the paper's loss plus a penalty only where the output is further from the truth than the input."""
import pytest
import torch

from training import train


def images():
    real = torch.full((2, 3, 16, 16), 0.5)
    mask = torch.zeros(2, 1, 16, 16)
    mask[:, :, 4:12, 4:12] = 1
    comp = real + 0.1 * mask  # both composites have the same cast
    return real, mask, comp


def test_without_weight_it_is_the_papers_loss():
    real, mask, comp = images()
    pred = real + 0.2 * mask
    assert float(train.harm_loss(pred, real, mask, comp, 0.0)) == pytest.approx(float(train.fg_mse_loss(pred, real, mask)))


def test_only_outputs_worse_than_their_composite_are_penalised():
    real, mask, comp = images()
    pred = comp.clone()
    pred[0] = real[0] + 0.05 * mask[0]  # better than its composite: no penalty
    pred[1] = real[1] + 0.2 * mask[1]  # worse: penalised by weight x the excess error
    err = train.fg_errors(pred, real, mask)
    excess = float(err[1] - train.fg_errors(comp, real, mask)[1])
    assert excess > 0
    assert float(train.harm_loss(pred, real, mask, comp, 3.0)) == pytest.approx(float(err.mean()) + 3.0 * excess / 2)
