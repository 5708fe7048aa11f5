"""The module probe switches off exactly one dynamic module of a trained network at inference and scores all three."""
import numpy as np
import torch

from training import evaluate
from helpers import randomised_lite


def small_val(n=3, size=64, seed=0):
    rng = np.random.default_rng(seed)
    real = rng.integers(0, 256, (n, size, size, 3), dtype=np.uint8)
    comp = real.copy()
    mask = np.zeros((n, size, size), np.uint8)
    mask[:, 16:48, 20:44] = 255
    comp[:, 16:48, 20:44] = (comp[:, 16:48, 20:44] * 0.6).astype(np.uint8)
    return {"comp": comp, "real": real, "mask": mask}


def test_probe_scores_each_variant_and_each_cut_changes_the_result(tmp_path):
    model = randomised_lite(seed=3)
    ckpt = str(tmp_path / "ckpt.pt")
    torch.save({"model": model.state_dict(), "flags": {}, "args": {"model": "hdnet-lite"}}, ckpt)

    out = evaluate.module_probe("hdnet-lite", ckpt, small_val(), k=3)

    mse = {v: out[v]["all"]["mse"] for v in ("as trained", "LD reference cut", "MGD kernels zero")}
    assert all(np.isfinite(x) for x in mse.values())
    assert mse["LD reference cut"] != mse["as trained"]
    assert mse["MGD kernels zero"] != mse["as trained"]
    assert out["k"] == 3 and out["method"] == "hdnet-lite"


def test_propagation_measures_the_ld_cut_at_every_stage_and_nothing_without_a_cut(tmp_path):
    model = randomised_lite(seed=3)
    ckpt = str(tmp_path / "ckpt.pt")
    torch.save({"model": model.state_dict(), "flags": {}, "args": {"model": "hdnet-lite"}}, ckpt)

    prop = evaluate.ld_propagation(ckpt, small_val(), k=3)

    assert set(prop) == {"ld", "dec2", "dec1", "dec0", "output"}
    assert all(np.isfinite(v) and v > 0 for v in prop.values())

    with torch.no_grad():
        model.ld.fuse.weight[:, model.ld.fuse.weight.shape[1] // 2:] = 0  # already cut: the cut changes nothing
    torch.save({"model": model.state_dict(), "flags": {}, "args": {"model": "hdnet-lite"}}, ckpt)
    assert all(v == 0 for v in evaluate.ld_propagation(ckpt, small_val(), k=3).values())
