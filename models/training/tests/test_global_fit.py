"""One colour transform per object: HDNet-CT's inference replaces the network's per-pixel result by the global affine
colour map that reproduces it best, which leaves an unchanged object unchanged, reproduces a global cast exactly and
removes pixel-to-pixel noise."""
import torch

from helpers import perturbed, sample
from training import hdnet

MIX = torch.tensor([[0.8, 0.1, 0.0], [0.05, 0.7, 0.1], [0.0, 0.2, 0.6]])
OFFSET = torch.tensor([0.05, 0.1, 0.02]).view(1, 3, 1, 1)


def affine(comp):
    """A global colour cast: every pixel mixed by MIX and shifted by OFFSET (stays inside 0..1)."""
    return torch.einsum("oi,bihw->bohw", MIX, comp) + OFFSET


def inside(x, mask):
    return x[mask.expand_as(x) > 0]


def test_an_unchanged_object_stays_unchanged():
    comp, mask = sample()
    out = hdnet.fit_global_affine(comp.clone(), comp, mask)
    assert float(inside(out - comp, mask).abs().max()) < 1e-5


def test_a_global_cast_is_reproduced():
    comp, mask = sample()
    out = hdnet.fit_global_affine(affine(comp), comp, mask)
    assert float(inside(out - affine(comp), mask).abs().max()) < 2e-3  # only the ridge pulls towards the identity


def test_pixel_noise_in_the_result_is_removed():
    comp, mask = sample()
    noisy = affine(comp) + 0.05 * torch.randn(comp.shape, generator=torch.Generator().manual_seed(3))
    out = hdnet.fit_global_affine(noisy, comp, mask)
    err_noisy = float(inside(noisy - affine(comp), mask).abs().mean())
    err_fit = float(inside(out - affine(comp), mask).abs().mean())
    assert err_fit < 0.1 * err_noisy


def test_each_image_of_a_batch_gets_its_own_transform():
    comp, mask = sample(b=2)
    pred = torch.stack([comp[0], affine(comp[1:])[0]])
    out = hdnet.fit_global_affine(pred, comp, mask)
    assert float(inside(out[:1] - comp[:1], mask[:1]).abs().max()) < 1e-5
    assert float(inside(out[1:] - affine(comp[1:]), mask[1:]).abs().max()) < 2e-3


def test_an_empty_mask_gives_the_identity():
    comp, mask = sample()
    out = hdnet.fit_global_affine(affine(comp), comp, mask * 0)
    assert float((out - comp).abs().max()) < 1e-5


def test_a_grey_object_is_fitted_without_blowing_up():
    """All three channels equal: the colour covariance is singular but for the ridge."""
    comp, mask = sample()
    comp = comp[:, :1].expand(-1, 3, -1, -1).contiguous()
    out = hdnet.fit_global_affine(comp * 0.8 + 0.1, comp, mask)
    assert torch.isfinite(out).all()
    assert float(inside(out - (comp * 0.8 + 0.1), mask).abs().max()) < 2e-3


def test_the_model_applies_it_at_inference_only():
    """At inference the object is one colour map of the composite (refitting reproduces it); in training it is the
    network's per-pixel transform, which no single map reproduces."""
    model = perturbed(seed=0)
    comp, mask = sample()
    comp = comp * 0.5 + 0.25  # room for the change without clamping
    k = torch.tensor([1])
    with torch.no_grad():
        inferred = model.eval()(comp, mask, k)[0]
        trained = model.train()(comp, mask, k)[0]
    assert float(inside(inferred - comp, mask).abs().mean()) > 1e-3
    refit = hdnet.fit_global_affine(inferred, comp, mask)
    assert float(inside(refit - inferred, mask).abs().max()) < 2e-4
    refit_trained = hdnet.fit_global_affine(trained, comp, mask)
    assert float(inside(refit_trained - trained, mask).abs().max()) > 2e-3


def test_the_fit_is_made_on_the_heads_grid_and_applied_at_full_resolution():
    """Nothing per pixel runs at full resolution but the colour map: a sharp colour edge inside the object stays
    sharp, with one map on both sides of it."""
    model = perturbed(seed=1)
    comp, mask = sample()
    comp = comp * 0.5 + 0.25
    with torch.no_grad():
        out = model.eval()(comp, mask, torch.tensor([1]))[0]
        wt, shift = hdnet.fit_colour_map(out, comp, mask)
    mapped = hdnet.apply_colour_map(wt, shift, comp)
    assert float(inside(mapped - out, mask).abs().max()) < 1e-3
    assert float(((out - comp) * (1 - mask)).abs().max()) == 0


def test_the_exported_graph_multiplies_matrices_in_float32_only(tmp_path):
    """ONNX Runtime's CPU MatMul (and its fused form) takes float32 only: the float64 solve must not use it."""
    import onnx
    from training import export
    path = str(tmp_path / "ct.onnx")
    export.export_hdnet(hdnet.build("hdnet-ct").eval(), "hdnet-ct", path, "0.0.1", "test")
    om = onnx.shape_inference.infer_shapes(onnx.load(path))
    types = {v.name: v.type.tensor_type.elem_type for v in [*om.graph.value_info, *om.graph.input]}
    matmul_inputs = [i for n in om.graph.node if n.op_type in ("MatMul", "Gemm") for i in n.input if i in types]
    assert matmul_inputs and all(types[i] == onnx.TensorProto.FLOAT for i in matmul_inputs)
    assert any(v == onnx.TensorProto.DOUBLE for v in types.values())


def test_fit_in_loop_trains_through_the_one_colour_map():
    """train.py --fit-in-loop: the training forward is the fitted map too (without the dead zone), with gradients."""
    from training import train
    args = train.parse_args(["--model", "hdnet-ct", "--run-dir", "unused", "--fit-in-loop"])
    model = train.build_model(args)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    comp, mask = sample()
    comp = comp * 0.5 + 0.25
    out = model.train()(comp, mask, torch.tensor([1]))[0]
    refit = hdnet.fit_global_affine(out.detach(), comp, mask)
    assert float(inside(refit - out.detach(), mask).abs().max()) < 2e-4
    out.sum().backward()
    assert model.out.weight.grad is not None and float(model.out.weight.grad.abs().sum()) > 0


def test_fit_in_loop_refuses_bfloat16():
    import pytest
    from training import train
    with pytest.raises(SystemExit):
        train.parse_args(["--model", "hdnet-ct", "--run-dir", "unused", "--fit-in-loop", "--bf16"])
