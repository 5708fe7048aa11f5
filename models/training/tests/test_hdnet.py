"""HDNet model behaviour: shapes, mask handling, LD neighbours, K range, ablation flags, a training step."""
import pytest
import torch
import torch.nn.functional as F

from helpers import sample
from training import hdnet
from training import train


def perturbed(model):
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() > 1 and float(p.abs().max()) == 0:
                p.normal_(0, 0.05)
    return model.eval()


def test_param_counts_near_targets():
    assert 9.8e6 < hdnet.n_params(hdnet.build("hdnet")) < 11.0e6
    assert 0.6e6 < hdnet.n_params(hdnet.build("hdnet-lite")) < 0.7e6


@pytest.mark.parametrize("k", list(range(1, 10)))
def test_shapes_for_every_k(k):
    torch.manual_seed(0)
    model = perturbed(hdnet.build("hdnet-lite"))
    comp, mask = sample()
    with torch.no_grad():
        h, idx, w = model(comp, mask, torch.tensor([k]))
    n = (64 // 8) * (96 // 8)
    assert h.shape == comp.shape
    assert idx.shape == (1, n, k) and idx.dtype == torch.int64
    assert w.shape == (1, n, k)
    assert float(h.min()) >= 0 and float(h.max()) <= 1


def test_output_equals_composite_outside_mask():
    torch.manual_seed(1)
    model = perturbed(hdnet.build("hdnet-lite"))
    comp, mask = sample(b=2)
    with torch.no_grad():
        h, _, _ = model(comp, mask, torch.tensor([3]))
    outside = mask.expand_as(comp) == 0
    assert torch.equal(h[outside], comp[outside])
    assert (h - comp).abs()[~outside].max() > 1e-4  # the foreground is actually changed


def test_ld_picks_background_cells_only_and_matches_brute_force():
    torch.manual_seed(2)
    model = perturbed(hdnet.build("hdnet-lite"))
    comp, mask = sample()
    k = 5
    feats = {}
    model.res.register_forward_hook(lambda m, i, o: feats.__setitem__("b", o))
    with torch.no_grad():
        _, idx, w = model(comp, mask, torch.tensor([k]))
    m8 = F.avg_pool2d(mask, 8).reshape(-1) > 0.5
    fg = torch.nonzero(m8).reshape(-1)
    assert len(fg) > 0
    for i in fg.tolist():
        assert not m8[idx[0, i]].any(), "a neighbour of a foreground cell is a foreground cell"
        assert abs(float(w[0, i].sum()) - 1) < 1e-5
    # brute force: cosine similarity of each fg cell to every bg cell, top-k, same set of cells
    f = F.normalize(feats["b"][0].reshape(feats["b"].shape[1], -1).t(), dim=1)
    sim = f @ f.t()
    sim[:, m8] = -2
    top = torch.topk(sim[fg], k, dim=1).indices
    for row, i in enumerate(fg.tolist()):
        assert set(top[row].tolist()) == set(idx[0, i].tolist())
    assert torch.all(idx[0, ~m8] == 0) and torch.all(w[0, ~m8] == 0)


def test_whole_image_mask_and_empty_mask_do_not_fail():
    model = perturbed(hdnet.build("hdnet-lite"))
    comp, _ = sample(32, 32)
    with torch.no_grad():
        for m in (torch.ones(1, 1, 32, 32), torch.zeros(1, 1, 32, 32)):
            h, idx, w = model(comp, m, torch.tensor([9]))
            assert torch.isfinite(h).all() and idx.shape == (1, 16, 9)


@pytest.mark.parametrize("flags", [dict(use_ld=False), dict(use_mgd=False)])
def test_ablation_variants_run(flags):
    model = perturbed(hdnet.HDNet(8, **flags))
    comp, mask = sample(32, 48)
    with torch.no_grad():
        h, idx, _ = model(comp, mask, torch.tensor([2]))
    assert h.shape == comp.shape and idx.shape == (1, 24, 2)


def test_short_training_step_lowers_loss():
    torch.manual_seed(3)
    model = hdnet.build("hdnet-lite")
    comp, mask = sample(32, 32, b=2)
    real = comp.clone()
    comp = comp * (1 - mask) + (comp * 0.6 + 0.2) * mask  # a re-coloured foreground
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    losses = []
    for _ in range(40):
        loss = train.fg_mse_loss(model(comp, mask, torch.tensor([3]))[0], real, mask)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss))
    assert losses[-1] < losses[0] * 0.85, losses


def test_channels_last_computes_the_same_outputs_and_gradients():
    """train.py runs the CPU in NHWC (faster oneDNN convolutions); the network must not depend on the layout."""
    torch.manual_seed(4)
    dense = perturbed(hdnet.build("hdnet-lite")).train()
    nhwc = perturbed(hdnet.build("hdnet-lite")).train()
    nhwc.load_state_dict(dense.state_dict())
    nhwc.to(memory_format=torch.channels_last)
    comp, mask = sample(b=2)
    outs = []
    for model, fmt in ((dense, torch.contiguous_format), (nhwc, torch.channels_last)):
        h, idx, w = model(comp.contiguous(memory_format=fmt), mask.contiguous(memory_format=fmt), torch.tensor([3]))
        ((h - comp) ** 2).sum().backward()
        outs.append((h, idx, w, {n: p.grad for n, p in model.named_parameters()}))
    (h0, i0, w0, g0), (h1, i1, w1, g1) = outs
    assert torch.allclose(h0, h1, atol=1e-5) and torch.equal(i0, i1) and torch.allclose(w0, w1, atol=1e-5)
    assert all(torch.allclose(g0[n], g1[n], atol=1e-4, rtol=1e-3) for n in g0)


def test_bf16_autocast_gradients_point_where_float32_gradients_do():
    """train.py --bf16 trains with a bfloat16 forward pass; its gradient must match the float32 one in direction."""
    torch.manual_seed(5)
    model = perturbed(hdnet.build("hdnet-lite")).train()
    comp, mask = sample(b=2)
    real = comp.clone()
    real[:, :, 16:48, 32:64] *= 0.7
    grads = []
    for bf16 in (False, True):
        model.zero_grad()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            h = model(comp, mask, torch.tensor([3]))[0]
        train.fg_mse_loss(h.float(), real, mask).backward()
        grads.append(torch.cat([p.grad.flatten() for p in model.parameters() if p.grad is not None]))
    assert F.cosine_similarity(grads[0], grads[1], dim=0) > 0.99
