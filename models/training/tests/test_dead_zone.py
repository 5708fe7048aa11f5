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
    for levels in (hdnet.DEAD_ZONE * f for f in (0.98, 1.02, 1.08, 1.2, 1.5, 2.0)):
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


def test_scale_chroma_scales_the_colour_part_and_keeps_the_brightness_part():
    change = torch.tensor([9.0, 3.0, 0.0]).view(1, 3, 1, 1).expand(1, 3, 4, 4)  # grey part 4, chroma (5, -1, -4)
    out = hdnet.scale_chroma(change, 1.5)
    assert torch.allclose(out.mean(1), change.mean(1))
    assert torch.allclose(out[0, :, 0, 0], torch.tensor([11.5, 2.5, -2.0]))
    assert torch.equal(hdnet.scale_chroma(change, 1.0), change)


def test_the_chroma_gain_scales_the_models_colour_correction_before_the_dead_zone():
    comp, mask = sample()
    comp = comp * 0.5 + 0.25  # room for the larger change without clamping

    def change(gain, dead_zone):
        model = with_offset(hdnet.build("hdnet-ct", dead_zone=dead_zone, chroma_gain=gain).eval(), 0.0)
        with torch.no_grad():
            model.out.bias[10:13] = torch.tensor([8.0, 0.0, 2.0]) / 255.0 / 0.1  # a warm cast of 10 levels in all
            return (model(comp, mask, torch.tensor([1]))[0] - comp) * 255.0

    inside = (mask > 0).expand_as(comp)
    plain, boosted = change(1.0, 0.0), change(1.6, 0.0)
    grey = lambda d: d.mean(1, keepdim=True).expand_as(d)[inside].mean()
    chroma = lambda d: (d - d.mean(1, keepdim=True))[inside].abs().mean()
    assert abs(grey(boosted) - grey(plain)) < 0.05 and chroma(plain) > 2.5
    assert abs(chroma(boosted) / chroma(plain) - 1.6) < 0.05
    # RMS change of the plain correction ~4.8 levels (under a dead zone of 5); with the gain ~6.4 (over it)
    assert change(1.0, 5.0).abs().max() == 0 and change(1.6, 5.0).abs().max() > 1
