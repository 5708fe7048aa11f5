"""widen.py: a trained HDNet-lite widened to full HDNet computes the same harmonization (Net2WiderNet), the symmetry
noise changes it only slightly, and the written checkpoint is one export.py and train.py read."""
import subprocess
import sys

import pytest
import torch

from training import export
from training import hdnet
from training import widen
from helpers import randomised_lite


def inputs():
    torch.manual_seed(0)
    comp = torch.rand(2, 3, 64, 64)
    mask = torch.zeros(2, 1, 64, 64)
    mask[0, :, 16:48, 20:40] = 1
    mask[1, :, 8:40, 8:56] = 1
    return comp, mask


def widened(lite, noise=0.0):
    big = hdnet.build("hdnet").eval()
    big.load_state_dict(widen.widen_state_dict(lite.state_dict(), noise))
    return big


@pytest.mark.parametrize("k", [1, 5])
def test_widened_hdnet_reproduces_lite(k):
    lite = randomised_lite(3)
    big = widened(lite)
    comp, mask = inputs()
    with torch.no_grad():
        a, b = lite(comp, mask, k), big(comp, mask, k)
    assert (a[0] - comp).abs().max() > 0.01  # the lite model really changes the foreground
    assert (a[0] - b[0]).abs().max() < 1e-5
    assert torch.equal(a[1], b[1])  # the same background neighbours
    assert (a[2] - b[2]).abs().max() < 1e-5


def test_every_hidden_layer_is_four_times_wider():
    lite_sd = randomised_lite(1).state_dict()
    big_sd = widen.widen_state_dict(lite_sd)
    assert set(big_sd) == set(hdnet.build("hdnet").state_dict())
    assert big_sd["enc1.0.0.weight"].shape == (64, 32, 3, 3)
    # copies of one lite channel share its incoming weights and split its outgoing ones
    w = big_sd["enc1.0.0.weight"]
    assert torch.equal(w[0], w[3])
    assert torch.allclose(w[:, :4].sum(1), lite_sd["enc1.0.0.weight"][:, 0].repeat_interleave(4, 0))


def test_noise_breaks_copy_symmetry_but_keeps_the_result_close():
    lite = randomised_lite(3)
    big_sd = widen.widen_state_dict(lite.state_dict(), noise=0.01, seed=1)
    w = big_sd["enc1.0.0.weight"]
    assert not torch.equal(w[0], w[1])
    big = hdnet.build("hdnet").eval()
    big.load_state_dict(big_sd)
    comp, mask = inputs()
    with torch.no_grad():
        diff = (lite(comp, mask, 1)[0] - big(comp, mask, 1)[0]).abs()
    assert diff.mean() < 2e-3


def test_cli_writes_a_checkpoint_export_reads(tmp_path):
    lite = randomised_lite(2)
    src = tmp_path / "lite.pt"
    torch.save({"model": lite.state_dict(), "step": 7, "images_seen": 56, "wall_s": 1.0, "flags": {}}, src)
    out = tmp_path / "hdnet" / "ckpt.pt"
    subprocess.run([sys.executable, "-m", "training.widen", "--lite", str(src), "--out", str(out), "--noise", "0"],
                   check=True, capture_output=True)
    model, info = export.load_model("hdnet", str(out))
    assert hdnet.n_params(model) == hdnet.n_params(hdnet.build("hdnet"))
    assert torch.load(out, weights_only=False)["widened"]["lite_step"] == 7
    log = (out.parent / "log.jsonl").read_text().splitlines()
    assert len(log) == 1 and '"step": 0' in log[0] and '"lite_step": 7' in log[0]
    comp, mask = inputs()
    with torch.no_grad():
        assert (model(comp, mask, 1)[0] - lite(comp, mask, 1)[0]).abs().max() < 1e-5


def test_cli_refuses_an_ablation_checkpoint(tmp_path):
    src = tmp_path / "abl.pt"
    no_ld = hdnet.build("hdnet-lite", use_ld=False)
    torch.save({"model": no_ld.state_dict(), "flags": {"no_ld": True, "no_mgd": False}}, src)
    r = subprocess.run([sys.executable, "-m", "training.widen", "--lite", str(src), "--out", str(tmp_path / "x.pt")],
                       capture_output=True, text=True)
    assert r.returncode != 0 and "ablation" in r.stderr


def test_cli_will_not_append_to_an_existing_run(tmp_path):
    src = tmp_path / "lite.pt"
    torch.save({"model": randomised_lite(2).state_dict(), "flags": {}}, src)
    (tmp_path / "hdnet").mkdir()
    (tmp_path / "hdnet" / "log.jsonl").write_text('{"step": 1690}\n')
    r = subprocess.run([sys.executable, "-m", "training.widen", "--lite", str(src), "--out",
                        str(tmp_path / "hdnet" / "ckpt.pt")], capture_output=True, text=True)
    assert r.returncode != 0 and "already logs a run" in r.stderr
    assert not (tmp_path / "hdnet" / "ckpt.pt").exists()
