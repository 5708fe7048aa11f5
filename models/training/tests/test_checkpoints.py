"""checkpoints.py: one format for train, export and evaluate; compact float16 state loads back in float32; partial
initialisation copies exactly the tensors whose names and shapes match."""
import pytest
import torch

from training import checkpoints
from training import hdnet


def trained_lite(seed=0):
    torch.manual_seed(seed)
    model = hdnet.build("hdnet-lite")
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    return model.eval()


def test_save_load_round_trip_builds_the_named_variant(tmp_path):
    model = trained_lite()
    path = str(tmp_path / "run" / "ckpt.pt")
    checkpoints.save({"model": model.state_dict(), "step": 5, "args": {"model": "hdnet-lite"}, "flags": {}}, path)
    loaded, ck = checkpoints.load_model(path)
    assert ck["step"] == 5 and hdnet.n_params(loaded) == hdnet.n_params(model)
    assert all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), loaded.state_dict().values()))


def test_compact_halves_weights_drops_optimiser_and_still_loads_in_float32(tmp_path):
    model = trained_lite()
    opt = torch.optim.Adam(model.parameters())
    model(torch.rand(1, 3, 32, 32), torch.ones(1, 1, 32, 32), 1)[0].sum().backward()
    opt.step()
    path = str(tmp_path / "ckpt.pt")
    checkpoints.save({"model": model.state_dict(), "opt": opt.state_dict(), "ema": model.state_dict(), "step": 1,
                      "args": {"model": "hdnet-lite"}}, path)
    full = (tmp_path / "ckpt.pt").stat().st_size
    small = checkpoints.compact(path)
    assert small < 0.4 * full
    raw = torch.load(path, weights_only=False)
    assert "opt" not in raw and "ema" not in raw and raw["compact"]
    ck = checkpoints.load(path)
    assert all(v.dtype == torch.float32 for v in ck["model"].values() if v.is_floating_point())
    for k, v in model.state_dict().items():
        assert torch.allclose(ck["model"][k], v, rtol=1e-3, atol=1e-4)


def test_load_matching_copies_shared_tensors_into_another_variant(tmp_path):
    lite = trained_lite()
    path = str(tmp_path / "lite.pt")
    checkpoints.save({"model": lite.state_dict()}, path)
    ct = hdnet.build("hdnet-ct")
    copied = checkpoints.load_matching(ct, path)
    shared = [k for k, v in ct.state_dict().items() if k in lite.state_dict() and v.shape == lite.state_dict()[k].shape]
    assert copied == len(shared) > 50
    assert torch.equal(ct.state_dict()["enc0.0.0.weight"], lite.state_dict()["enc0.0.0.weight"])
    assert "out.weight" not in shared  # the transform head has its own shape


def test_average_writes_the_weight_by_weight_mean_and_drops_optimiser_state(tmp_path):
    a, b = trained_lite(seed=1), trained_lite(seed=2)
    pa, pb, out = (str(tmp_path / n) for n in ("a.pt", "b.pt", "soup.pt"))
    checkpoints.save({"model": a.state_dict(), "step": 1, "args": {"model": "hdnet-lite"}}, pa)
    checkpoints.save({"model": b.state_dict(), "opt": {"x": 1}, "ema": b.state_dict(), "step": 7,
                      "args": {"model": "hdnet-lite"}}, pb)
    checkpoints.average(pa, pb, out=out)
    soup = checkpoints.load(out)
    assert soup["step"] == 7 and "opt" not in soup and "ema" not in soup
    for k, v in b.state_dict().items():
        want = (a.state_dict()[k] + v) / 2 if v.is_floating_point() else v
        assert torch.allclose(soup["model"][k], want)


def test_average_of_three_is_their_mean(tmp_path):
    nets = [trained_lite(seed=s) for s in (1, 2, 3)]
    paths = [str(tmp_path / f"{i}.pt") for i in range(3)]
    for net, p in zip(nets, paths):
        checkpoints.save({"model": net.state_dict(), "args": {"model": "hdnet-lite"}}, p)
    checkpoints.average(*paths, out=str(tmp_path / "soup.pt"))
    soup = checkpoints.load(str(tmp_path / "soup.pt"))["model"]
    k = "enc0.0.0.weight"
    assert torch.allclose(soup[k], sum(n.state_dict()[k] for n in nets) / 3)
    assert not torch.allclose(soup[k], (nets[0].state_dict()[k] + nets[2].state_dict()[k]) / 2)


def test_inference_settings_travel_with_a_checkpoint_and_reproduce_an_earlier_release(tmp_path):
    from helpers import perturbed, sample
    model = perturbed()
    path, old = str(tmp_path / "ct" / "ckpt.pt"), str(tmp_path / "old" / "ckpt.pt")
    checkpoints.save({"model": model.state_dict(), "args": {"model": "hdnet-ct"}, "flags": {}}, path)
    checkpoints.with_inference(path, old, dead_zone=0.0, chroma_gain=1.0)
    now, _ = checkpoints.load_model(path)
    before, ck = checkpoints.load_model(old)
    assert now.chroma_gain == hdnet.CHROMA_GAIN and now.dead_zone == hdnet.DEAD_ZONE
    assert before.chroma_gain == 1.0 and before.dead_zone == 0.0 and ck["inference"]["chroma_gain"] == 1.0
    comp, mask = sample(seed=2)
    plain = hdnet.build("hdnet-ct", dead_zone=0.0, chroma_gain=1.0)
    plain.load_state_dict(model.state_dict())
    with torch.no_grad():
        k = torch.tensor([1])
        assert torch.equal(before(comp, mask, k)[0], plain.eval()(comp, mask, k)[0])
        assert not torch.equal(now(comp, mask, k)[0], before(comp, mask, k)[0])
    with pytest.raises(ValueError, match="strength"):
        checkpoints.with_inference(path, old, strength=0.5)
