"""train.py end to end on a tiny tree in iHarmony4's layout: it trains, validates, resumes where it stopped, and a
SIGTERM ends a run with a checkpoint and a final validation record."""
import json
import os
import signal
import subprocess
import sys
import time

import cv2
import numpy as np
import pytest

MODELS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # holds the package


def fake_iharmony4(root, n=4, size=40):
    """root/HSub/{composite_images,masks,real_images} with IHD_train.txt / IHD_test.txt listing sub-dataset paths."""
    rng = np.random.default_rng(0)
    sub = os.path.join(root, "HSub")
    for d in ("composite_images", "masks", "real_images"):
        os.makedirs(os.path.join(sub, d))
    lines = []
    for i in range(n):
        real = cv2.GaussianBlur(rng.integers(0, 256, (size, size, 3), dtype=np.uint8), (7, 7), 0)
        mask = np.zeros((size, size), np.uint8)
        mask[8:28, 10:30] = 255
        comp = real.copy()
        comp[mask > 0] = (comp[mask > 0] * 0.6).astype(np.uint8)
        cv2.imwrite(os.path.join(sub, "real_images", f"p{i}.jpg"), real)
        cv2.imwrite(os.path.join(sub, "masks", f"p{i}_1.png"), mask)
        cv2.imwrite(os.path.join(sub, "composite_images", f"p{i}_1_1.jpg"), comp)
        lines.append(f"HSub/composite_images/p{i}_1_1.jpg")
    for split in ("train", "test"):
        with open(os.path.join(root, f"IHD_{split}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")


def command(root, run_dir, *extra):
    return [sys.executable, "-m", "training.train", "--model", "hdnet-lite", "--iharmony4", str(root), "--size", "32", "--batch", "2",
            "--threads", "1", "--val-size", "32", "--run-dir", str(run_dir), "--warmup", "1", *extra]


def records(run_dir):
    with open(os.path.join(run_dir, "log.jsonl")) as f:
        return [json.loads(x) for x in f if x.strip()]


def test_trains_on_iharmony4_layout_and_resumes(tmp_path):
    fake_iharmony4(tmp_path / "ihd")
    run = tmp_path / "run"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "3"), check=True, env=env, capture_output=True)
    final = records(run)[-1]
    assert final["final"] and final["step"] == 3 and final["val_subset"] == 4 and np.isfinite(final["val_mse"])
    assert os.path.exists(run / "ckpt.pt")

    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "5", "--resume"), check=True, env=env,
                   capture_output=True)
    final = records(run)[-1]
    assert final["step"] == 5 and final["images_seen"] == 10


def test_steps_counts_from_the_resumed_step_and_decays_the_lr_over_them(tmp_path):
    fake_iharmony4(tmp_path / "ihd")
    run = tmp_path / "run"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "2"), check=True, env=env, capture_output=True)
    subprocess.run(command(tmp_path / "ihd", run, "--steps", "40", "--resume", "--warmup", "0"), check=True,
                   env=env, capture_output=True)
    recs = records(run)
    assert recs[-1]["final"] and recs[-1]["step"] == 42
    lrs = [r["lr"] for r in recs if "lr" in r and r["step"] > 2]  # logged at steps 20 and 40
    assert len(lrs) == 2 and lrs[0] > 0.5e-3 > 0.1e-3 > lrs[1]  # cosine over this run's 40 steps, not steps 0..42


def test_two_processes_train_one_model_and_resume(tmp_path):
    fake_iharmony4(tmp_path / "ihd")
    run = tmp_path / "run"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "4", "--procs", "2"), check=True, env=env,
                   capture_output=True, timeout=300)
    recs = records(run)
    finals = [r for r in recs if r.get("final")]
    assert len(finals) == 1 and finals[0]["step"] == 4 and finals[0]["images_seen"] == 16  # 2 ranks x batch 2
    assert "procs=2" in finals[0]["machine"] and np.isfinite(finals[0]["val_mse"])

    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "6", "--procs", "2", "--resume"), check=True,
                   env=env, capture_output=True, timeout=300)
    finals = [r for r in records(run) if r.get("final")]
    assert len(finals) == 2 and finals[1]["step"] == 6 and finals[1]["images_seen"] == 24


@pytest.mark.parametrize("procs", ["1", "2"])
def test_sigterm_ends_the_run_with_checkpoint_and_final_validation(tmp_path, procs):
    fake_iharmony4(tmp_path / "ihd")
    run = tmp_path / "run"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    proc = subprocess.Popen(command(tmp_path / "ihd", run, "--minutes", "10", "--procs", procs), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while not (run / "log.jsonl").exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)  # the first record is written at step 20
    assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) == 0
    final = records(run)[-1]
    assert final["final"] and final["stopped_early"] and final["step"] >= 20
    assert os.path.exists(run / "ckpt.pt")


def test_weight_average_decides_the_checkpoint_by_validation_and_survives_a_resume(tmp_path):
    import torch
    fake_iharmony4(tmp_path / "ihd")
    run = tmp_path / "run"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "3", "--ema", "0.5"), check=True, env=env,
                   capture_output=True)
    recs = records(run)
    verdict = next(r for r in recs if r.get("event") == "weight average vs raw")
    final = recs[-1]
    assert final["final"] and verdict["adopted"] in ("ema", "raw")
    assert final["val_mse"] == min(verdict["raw_mse"], verdict["ema_mse"])
    ck = torch.load(run / "ckpt.pt", map_location="cpu", weights_only=False)
    assert set(ck["ema"]) == set(ck["model"])
    if verdict["adopted"] == "ema":
        assert all(torch.equal(ck["ema"][k], ck["model"][k]) for k in ck["model"])


def test_weight_average_is_an_exponential_moving_average():
    import torch
    from training import train
    model = torch.nn.Linear(2, 1)
    with torch.no_grad():
        model.weight.fill_(1.0)
    avg = train.WeightAverage(model, 0.9)
    with torch.no_grad():
        model.weight.fill_(3.0)
    avg.update(model)
    assert torch.allclose(avg.state["weight"], torch.full((1, 2), 1.2))
    with avg.swapped_into(model):
        assert torch.allclose(model.weight, torch.full((1, 2), 1.2))
    assert torch.allclose(model.weight, torch.full((1, 2), 3.0))


def test_a_channels_last_checkpoint_resumes_in_the_dense_layout(tmp_path):
    fake_iharmony4(tmp_path / "ihd")
    run = tmp_path / "run"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "2", "--channels-last"), check=True, env=env,
                   capture_output=True)
    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "4", "--resume", "--no-channels-last"), check=True,
                   env=env, capture_output=True)
    finals = [r for r in records(run) if r.get("final")]
    assert [r["step"] for r in finals] == [2, 4]


def test_bf16_autocast_trains_and_checkpoints_float32_weights(tmp_path):
    import torch
    fake_iharmony4(tmp_path / "ihd")
    run = tmp_path / "run"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(command(tmp_path / "ihd", run, "--max-steps", "3", "--bf16"), check=True, env=env,
                   capture_output=True)
    assert records(run)[-1]["final"]
    ck = torch.load(run / "ckpt.pt", map_location="cpu", weights_only=False)
    assert all(v.dtype == torch.float32 for v in ck["model"].values() if v.is_floating_point())
