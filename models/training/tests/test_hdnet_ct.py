"""HDNet-CT: the colour-transform head is the identity at the start and stays a colour transform; the light reference
makes K matter; the position term prefers near cells; the ONNX export keeps the contract at any size."""
import pytest
import torch

from helpers import perturbed, sample
from training import hdnet


def test_untrained_transform_head_is_nearly_the_identity():
    model = hdnet.build("hdnet-ct").eval()
    comp, mask = sample()
    with torch.no_grad():
        out = model(comp, mask, torch.tensor([1]))[0]  # K > 1 adds the K-neighbour light
    assert (out - comp).abs().max() < 0.01


def test_statistics_transfer_moves_foreground_mean_and_std_to_the_background():
    comp, mask = sample()
    comp = comp * 0.5 + mask * 0.4  # a brighter, flatter object
    s, t = hdnet.statistics_transfer(comp, mask)
    moved = comp * s + t
    fg = mask.expand_as(comp)[0] > 0
    for c in range(3):
        f, b = moved[0, c][fg[c]], comp[0, c][~fg[c]]
        assert abs(float(f.mean() - b.mean())) < 1e-3 and abs(float(f.std() - b.std())) < 2e-2


def test_full_alpha_gives_the_statistics_transfer():
    comp, mask = sample()
    raw = torch.zeros(1, hdnet.TRANSFORM_CHANNELS, 64, 96)
    raw[:, 0] = 50.0  # alpha = 1
    s, t = hdnet.statistics_transfer(comp, mask)
    assert torch.allclose(hdnet.apply_transform(raw, comp, mask), (comp * s + t).clamp(0, 1), atol=1e-6)


def test_output_is_a_colour_transform_of_the_composite_and_keeps_the_background():
    model = perturbed()
    comp, mask = sample(b=2)
    with torch.no_grad():
        out = model(comp, mask, torch.tensor([5]))[0]
    outside = mask.expand_as(comp) == 0
    assert torch.equal(out[outside], comp[outside]) and (out - comp).abs()[~outside].max() > 1e-3
    assert float(out.min()) >= 0 and float(out.max()) <= 1


def test_k_changes_the_output_through_the_light_reference():
    model = perturbed()
    comp, mask = sample(seed=3)
    with torch.no_grad():
        a = model(comp, mask, torch.tensor([1]))[0]
        b = model(comp, mask, torch.tensor([9]))[0]
    assert (a - b).abs().max() > 1e-3


def test_k1_is_the_network_itself_and_larger_k_relights_the_object_as_a_whole():
    model = perturbed()
    model.chroma_gain = 1.0  # the K light alone (the chroma gain rescales any correction: test_dead_zone.py)
    comp, mask = sample(seed=3)
    with torch.no_grad():
        one = model(comp, mask, torch.tensor([1]))[0]
        model.k_light = False
        plain1, plain9 = (model(comp, mask, torch.tensor([k]))[0] for k in (1, 9))
        model.k_light = True
        nine = model(comp, mask, torch.tensor([9]))[0]
    assert torch.allclose(one, plain1, atol=1e-6)  # K = 1: the single best match, no extra light
    inside = (mask.expand_as(comp) > 0) & (plain9 > 0.05) & (plain9 < 0.95) & (nine > 0.05) & (nine < 0.95)
    ratio = (nine + 0.02) / (plain9 + 0.02)
    per_channel = [ratio[0, c][inside[0, c]] for c in range(3)]  # one gain per channel over the object
    assert max(float(r.max() - r.min()) for r in per_channel) < 1e-3
    assert max(float((r - 1).abs().max()) for r in per_channel) > 1e-3
    outside = mask.expand_as(comp) == 0
    assert torch.equal(nine[outside], comp[outside])


def test_relight_is_a_gain_in_the_log_colour_domain():
    x = torch.tensor([0.0, 0.25, 0.98])
    assert torch.allclose(hdnet.relight(x, torch.zeros(3)), x)
    assert torch.allclose(hdnet.relight(x, torch.full((3,), float(torch.log(torch.tensor(2.0))))),
                          torch.tensor([0.02, 0.52, 1.0]), atol=1e-6)


def test_position_term_prefers_the_nearer_of_two_identical_cells():
    ld = hdnet.LocalDynamic(4, position=True)
    with torch.no_grad():
        ld.pos_raw.fill_(5.0)
    f = torch.zeros(4, 1, 8)  # one row of 8 cells, all features equal: only position decides
    f[0] = 1.0
    fgmask = torch.zeros(8, dtype=torch.bool)
    fgmask[2] = True
    pos = hdnet.cell_positions(f[0])
    _, idx, _, _ = ld.forward_single(f.reshape(4, -1), fgmask, 1, pos)
    assert int(idx[2, 0]) in (1, 3)  # a neighbour, not a far cell


def test_cell_positions_keep_the_aspect_in_0_1():
    pos = hdnet.cell_positions(torch.zeros(4, 8))
    assert pos.shape == (32, 2) and float(pos.max()) == pytest.approx(7 / 8) and float(pos.min()) == 0
    assert pos[9].tolist() == [1 / 8, 1 / 8]


def test_onnx_export_keeps_the_contract_with_dynamic_sizes(tmp_path):
    """The graph itself is run by ONNX Runtime in the Java ParityTest (models/parity/hdnet-ct)."""
    import onnx
    from training import export
    path = str(tmp_path / "ct.onnx")
    export.export_hdnet(perturbed(), "hdnet-ct", path, "0.0.1", "test")
    om = onnx.load(path)
    onnx.checker.check_model(om)
    inputs = {i.name: [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in om.graph.input}
    assert inputs == {"composite": [1, 3, "H", "W"], "mask": [1, 1, "H", "W"], "k": [1]}
    assert [o.name for o in om.graph.output] == ["harmonized", "knn_index", "knn_weight"]
    assert "transform" in {p.key: p.value for p in om.metadata_props}["architecture"]


def full_resolution_convolutions(model, h=64, w=96):
    """Names of the Conv2d layers whose output is on the full h x w grid."""
    seen = []
    hooks = [m.register_forward_hook(lambda mod, inp, out, n=n: seen.append((n, out.shape[-2:])))
             for n, m in model.named_modules() if isinstance(m, torch.nn.Conv2d)]
    comp, mask = sample(h, w)
    with torch.no_grad():
        model(comp, mask, torch.tensor([1]))
    for hk in hooks:
        hk.remove()
    return {n for n, size in seen if tuple(size) == (h, w)}


def test_the_transform_head_predicts_on_a_half_resolution_grid():
    assert "out" not in full_resolution_convolutions(perturbed("hdnet-ct"))
    assert "out" in full_resolution_convolutions(perturbed("hdnet-lite"))


def test_the_coarse_head_keeps_a_flat_object_flat():
    """The coefficients are upsampled smoothly: a uniform object on a uniform background stays one colour inside."""
    model = perturbed()
    comp = torch.empty(1, 3, 64, 96)
    comp[:, 0], comp[:, 1], comp[:, 2] = 0.3, 0.5, 0.7
    mask = torch.zeros(1, 1, 64, 96)
    mask[:, :, 16:48, 32:64] = 1
    comp = comp * (1 - mask) + mask * torch.tensor([0.6, 0.4, 0.2]).view(1, 3, 1, 1)
    with torch.no_grad():
        out = model(comp, mask, torch.tensor([1]))[0]
    core = out[0, :, 24:40, 40:56]  # away from the mask's edge, where the coefficients blend with the background's
    assert float((core - comp[0, :, 24:40, 40:56]).abs().max()) > 1e-3
    assert float(core.std(dim=(1, 2)).max()) < 0.02
