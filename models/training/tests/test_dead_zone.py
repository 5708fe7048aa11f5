"""Do no harm: HDNet-CT's inference leaves an object alone when its change would be too small to see, keeps large
changes nearly whole and never touches the background."""
import torch

from helpers import perturbed, sample
from training import checkpoints, evaluate, hdnet


def shifted(comp, mask, levels):
    """The composite with its object brightened by `levels` of 0..255 (every channel), i.e. an RMS change of levels."""
    return comp + mask * levels / 255.0


def mean_change(out, comp, mask):
    """The mean change inside the object, in levels of 0..255."""
    return float(((out - comp) * mask).sum() / (mask.sum() * 3)) * 255.0


def with_offset(model, levels):
    """The model with its head's offsets set so that the network adds `levels` to every object pixel."""
    with torch.no_grad():
        model.out.bias[10:13] = levels / 255.0 / 0.1
    return model


def test_a_change_under_the_dead_zone_is_dropped():
    comp, mask = sample()
    out = hdnet.dead_zone(shifted(comp, mask, 0.9 * hdnet.DEAD_ZONE), comp, mask, hdnet.DEAD_ZONE)
    assert torch.allclose(out, comp, atol=1e-7)


def test_a_large_change_is_kept_nearly_whole():
    comp, mask = sample()
    comp = comp * 0.5  # room for +3 tau without clamping
    change = 3 * hdnet.DEAD_ZONE
    out = hdnet.dead_zone(shifted(comp, mask, change), comp, mask, hdnet.DEAD_ZONE)
    kept = mean_change(out, comp, mask)
    assert abs(kept - change * (1 - 3.0 ** -6)) < 1e-3


def test_the_model_applies_it_at_inference_only():
    torch.manual_seed(0)
    model = with_offset(hdnet.build("hdnet-ct"), 2.0)
    comp, mask = sample()
    comp = comp * 0.5
    k = torch.tensor([1])
    with torch.no_grad():
        inferred = model.eval()(comp, mask, k)[0]
        trained = model.train()(comp, mask, k)[0]
    inside = mask.expand_as(comp) > 0
    assert torch.equal(inferred, comp)
    assert (trained - comp)[inside].abs().mean() * 255 > 1.5


def test_the_variant_without_it_makes_the_small_change():
    model = with_offset(hdnet.build("hdnet-ct", dead_zone=0.0).eval(), 2.0)
    comp, mask = sample()
    comp = comp * 0.5
    with torch.no_grad():
        out = model(comp, mask, torch.tensor([1]))[0]
    assert mean_change(out, comp, mask) > 1.5


def test_the_share_kept_rises_continuously_with_the_change():
    comp, mask = sample()
    comp = comp * 0.5
    kept = []
    for levels in (5.9, 6.1, 6.5, 7.2, 9.0, 12.0):
        out = hdnet.dead_zone(shifted(comp, mask, levels), comp, mask, hdnet.DEAD_ZONE)
        kept.append(mean_change(out, comp, mask) / levels)
    assert kept[0] == 0 and 0 < kept[1] < 0.2
    assert all(a < b for a, b in zip(kept, kept[1:])) and kept[-1] > 0.98


def test_evaluate_can_score_hdnet_ct_at_another_dead_zone(tmp_path):
    path = str(tmp_path / "ct.pt")
    checkpoints.save({"model": perturbed("hdnet-ct").state_dict(), "args": {"model": "hdnet-ct"}}, path)
    comp, mask = sample()
    with torch.no_grad():
        kept = evaluate.predictor("hdnet-ct", path, k=1, dead_zone=0.0)[0](comp, mask)
        dropped = evaluate.predictor("hdnet-ct", path, k=1, dead_zone=1000.0)[0](comp, mask)
    assert torch.equal(dropped, comp)
    assert (kept - comp).abs().max() > 1e-3
