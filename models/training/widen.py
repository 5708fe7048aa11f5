"""Function-preserving widening (Net2WiderNet, Chen et al. 2016) of a trained HDNet-lite into full HDNet.

Full HDNet has exactly 4x the channels of HDNet-lite in every hidden layer, so each lite channel j becomes the four
HDNet channels 4j..4j+3 (repeat-interleave, which also keeps every channel concatenation of the U-Net aligned):
outgoing weights are divided among the copies, incoming weights are copied. The LD cosine similarity is unchanged by
copying channels (up to its 1e-4 smoothing), RegionNorm is per channel, and MGD's dynamic kernels are rebuilt
exactly: HDNet's kernels are scaled by 1/sqrt(4C) instead of 1/sqrt(C), i.e. half of lite's, so two of the four
input copies take lite's pre-tanh value and two take 0 (tanh(0) = 0): 2 * tanh(h) / 2 = tanh(h).

With noise = 0 the widened HDNet computes what the lite model computes. Copies that start identical stay identical
under Adam (a gradient scaled per copy gives the same normalised step), so a little noise on the copied weights
breaks the symmetry for further training. Usage:

  python3 widen.py --lite runs/hdnet-lite/ckpt.pt --out runs/hdnet/ckpt.pt [--noise 0.01]
"""
import argparse
import json
import os

import numpy as np
import torch

from . import hdnet
from . import checkpoints

FACTOR = 4


def _index(n_small, n_big):
    """Index of the lite entry each HDNet entry copies along one dimension (identity for unwidened dims)."""
    if n_big == n_small:
        return np.arange(n_big)
    if n_big == FACTOR * n_small:
        return np.arange(n_big) // FACTOR
    raise ValueError(f"cannot widen a dimension of {n_small} to {n_big}")


def _mgd_kernel_rows(t, big_ch):
    """MGD head output (flattened C x C kernel, pre-tanh) -> (4C x 4C): rows for input copies 0, 1 copy lite's, rows for
    copies 2, 3 are zero, so that the half-size kernel scale gives back lite's kernel exactly."""
    small_ch = big_ch // FACTOR
    o, i = np.divmod(np.arange(big_ch * big_ch), big_ch)
    src = (o // FACTOR) * small_ch + i // FACTOR
    keep = torch.from_numpy((i % FACTOR) < FACTOR // 2)
    out = t[torch.from_numpy(src)]
    shape = (-1,) + (1,) * (t.dim() - 1)
    return out * keep.reshape(shape).to(t.dtype)


def widen_tensor(name, small, big_shape):
    """The HDNet tensor that reproduces the lite tensor `small` (per-name rules above)."""
    if small.shape == big_shape:
        return small.clone()
    t = small
    if ".head_" in name and name.endswith(("2.weight", "2.bias")):
        big_ch = int(round(big_shape[0] ** 0.5))
        return _mgd_kernel_rows(t, big_ch)  # widen_state_dict checks the resulting shape
    for d, n_big in enumerate(big_shape):
        n_small = t.shape[d]
        if n_big != n_small:
            t = t.index_select(d, torch.from_numpy(_index(n_small, n_big)))
            if d == 1 and name.endswith("weight"):  # conv / linear input dim (gamma, beta: [1, C, 1, 1])
                t = t / FACTOR  # incoming copies of one lite channel share its outgoing weight
    return t


def widen_state_dict(lite_sd, noise=0.0, seed=0):
    """HDNet (width 32) state dict from an HDNet-lite (width 8) one; noise = relative std added to copied weights."""
    big = hdnet.build("hdnet").state_dict()
    gen = torch.Generator().manual_seed(seed)
    out = {}
    for name, ref in big.items():
        if name not in lite_sd:
            raise ValueError(f"lite checkpoint lacks {name}")
        w = widen_tensor(name, lite_sd[name].float(), tuple(ref.shape))
        if tuple(w.shape) != tuple(ref.shape):
            raise ValueError(f"{name}: widened to {tuple(w.shape)}, HDNet needs {tuple(ref.shape)}")
        if noise > 0 and w.dim() >= 2:
            w = w + torch.randn(w.shape, generator=gen) * float(w.std()) * noise
        out[name] = w
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lite", required=True, help="HDNet-lite checkpoint (train.py's ckpt.pt)")
    ap.add_argument("--out", required=True, help="HDNet checkpoint to write (train.py / export.py format)")
    ap.add_argument("--noise", type=float, default=0.01, help="relative weight noise that breaks copy symmetry")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    log_path = os.path.join(os.path.dirname(os.path.abspath(args.out)), "log.jsonl")
    if os.path.exists(log_path) and os.path.getsize(log_path) > 0:
        raise SystemExit(f"{log_path} already logs a run: a widened model starts a new one (move the old run away)")
    ck = checkpoints.load(args.lite)
    flags = ck.get("flags", {})
    if flags.get("no_ld") or flags.get("no_mgd"):
        raise SystemExit(f"{args.lite}: an ablation checkpoint (flags {flags}) cannot become full HDNet")
    sd = widen_state_dict(ck["model"], args.noise, args.seed)
    model = hdnet.build("hdnet")
    model.load_state_dict(sd)
    origin = {"from": args.lite, "lite_step": ck.get("step"),
              "lite_images_seen": ck.get("images_seen"), "lite_wall_s": ck.get("wall_s"), "noise": args.noise}
    obj = {"model": model.state_dict(), "step": 0, "images_seen": 0, "wall_s": 0.0, "flags": {},
           "args": {"model": "hdnet"}, "widened": origin}
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    checkpoints.save(obj, args.out)
    with open(log_path, "a") as f:  # HDNet's own counters start here; train.py --resume continues from them
        f.write(json.dumps({"step": 0, "images_seen": 0, "wall_s": 0.0, "event": "widened from hdnet-lite", **origin,
                            "machine": "none (weights copied, no training)", "model": "hdnet"}) + "\n")
    print(json.dumps({"written": args.out, "params": hdnet.n_params(model), **origin}))


if __name__ == "__main__":
    main()
