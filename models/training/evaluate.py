"""Evaluate on the fixed validation set (256x256, iHarmony4 protocol) and on shared/data/eval/triplets.

  python3 -m training.evaluate --methods composite,classic,hdnet-ct,hdnet-lite,s2crnet --out training/results/val.json
  python3 -m training.evaluate --methods hdnet-ct --ksweep 1,5,9 --out training/results/ksweep-ct.json
  python3 -m training.evaluate --ablation runs/abl-full,runs/abl-no-ld,runs/abl-no-mgd --out training/results/ablation.json
Checkpoints default to models/runs/<id>/ckpt.pt. Metrics on 0..255: MSE, PSNR (range 255), fMSE = fg SE / (3 x fg px),
averaged per image; also split by foreground ratio 0-5 %, 5-15 %, 15-100 %.
"""
import argparse
import collections
import glob
import json
import math
import os
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from . import checkpoints
from . import data
from . import metrics
from . import s2crnet
from . import synth

TRIPLETS = "/work/shared/data/eval/triplets"
BUCKETS = [(0.0, 0.05, "0-5%"), (0.05, 0.15, "5-15%"), (0.15, 1.01, "15-100%")]
# by the size of the composite's own cast (its fMSE): does a method leave nearly harmonious objects alone?
CAST_BUCKETS = [(0.0, 300.0, "mild (<300)"), (300.0, 1200.0, "medium (300-1200)"), (1200.0, math.inf, "strong (>=1200)")]
PROPAGATION_STAGES = (("ld", 8), ("dec2", 4), ("dec1", 2), ("dec0", 1))  # module name, downscale of its output


def reinhard_classic(comp, mask):
    """Classic harmonization: Lab mean/std of the foreground matched to the background. comp [B,3,H,W] 0..1."""
    out = []
    for c, m in zip(comp.numpy(), mask.numpy()):
        img = np.ascontiguousarray(c.transpose(1, 2, 0)).astype(np.float32)
        fg = m[0] > 0.5
        if fg.sum() == 0 or (~fg).sum() == 0:
            out.append(c)
            continue
        lab = cv2.cvtColor(img, cv2.COLOR_RGB2Lab)
        mu_f, sd_f = lab[fg].mean(0), lab[fg].std(0) + 1e-6
        mu_b, sd_b = lab[~fg].mean(0), lab[~fg].std(0) + 1e-6
        t = cv2.cvtColor(((lab - mu_f) / sd_f * sd_b + mu_b).astype(np.float32), cv2.COLOR_Lab2RGB)
        t = np.clip(t, 0, 1)
        res = np.where(fg[..., None], t, img)
        out.append(res.transpose(2, 0, 1))
    return torch.from_numpy(np.stack(out).astype(np.float32))


def load_hdnet(ckpt):
    return checkpoints.load_model(ckpt)


def load_s2(ckpt):
    return checkpoints.load_model(ckpt, "s2crnet")


def predictor(method, ckpt=None, k=5, dead_zone=None):
    """(fn(composite, mask), checkpoint dict) of a method; `dead_zone` (levels) overrides HDNet-CT's own."""
    if method == "composite":
        return lambda c, m: c, {}
    if method == "classic":
        return reinhard_classic, {}
    if method == "s2crnet":
        model, ck = load_s2(ckpt)
        return (lambda c, m: s2crnet.harmonize(model, c, m)[0]), ck
    model, ck = load_hdnet(ckpt)
    if dead_zone is not None:
        model.dead_zone = float(dead_zone)
    return (lambda c, m: model(c, m, torch.tensor([k]))[0]), ck


@torch.no_grad()
def run_set(fn, val, bs=4):
    out = []
    n = len(val["comp"])
    t0 = time.time()
    for s in range(0, n, bs):
        c, m, r = data.to_tensors(val, np.arange(s, min(n, s + bs)))
        d = metrics.per_image(fn(c, m).clamp(0, 1), r, m)
        d["comp_fmse"] = metrics.per_image(c, r, m)["fmse"]
        out.append(d)
    d = metrics.cat(out)
    d["seconds_per_image"] = np.array([(time.time() - t0) / n])
    return d


def table(d):
    res = {"all": {**metrics.summarize(d), "n": int(len(d["mse"])),
                   "worse_share": float(np.mean(made_worse(d)))}}
    for lo, hi, name in BUCKETS:
        sel = (d["fg_ratio"] >= lo) & (d["fg_ratio"] < hi)
        if sel.any():
            res[name] = {**metrics.summarize({k: d[k][sel] for k in ("mse", "psnr", "fmse")}), "n": int(sel.sum())}
    res["by_cast"] = by_cast(d)
    res["seconds_per_image"] = float(d["seconds_per_image"][0])
    return res


def made_worse(d):
    """Per image: whether the method's foreground error is above the untouched composite's."""
    return d["fmse"] > d["comp_fmse"] + 1e-9


def by_cast(d):
    """Mean fMSE of the method and of the untouched composite, and the share of images the method made worse, per
    composite-cast bucket (CAST_BUCKETS)."""
    out = {}
    for lo, hi, name in CAST_BUCKETS:
        sel = (d["comp_fmse"] >= lo) & (d["comp_fmse"] < hi)
        if sel.any():
            out[name] = {"n": int(sel.sum()), "fmse": float(d["fmse"][sel].mean()),
                         "composite_fmse": float(d["comp_fmse"][sel].mean()),
                         "worse_share": float(np.mean(made_worse(d)[sel]))}
    return out


def triplets_set(size=256):
    comps, reals, masks, ids = [], [], [], []
    for mp in sorted(glob.glob(os.path.join(TRIPLETS, "*_mask.png"))):
        name = os.path.basename(mp)[:-len("_mask.png")]
        cp = glob.glob(os.path.join(TRIPLETS, name + "_comp.*"))[0]
        rp = glob.glob(os.path.join(TRIPLETS, name + "_real.*"))[0]
        rd = lambda p: cv2.resize(cv2.imread(p)[:, :, ::-1], (size, size), interpolation=cv2.INTER_AREA)  # noqa
        comps.append(rd(cp))
        reals.append(rd(rp))
        m = cv2.resize(cv2.imread(mp, cv2.IMREAD_GRAYSCALE), (size, size), interpolation=cv2.INTER_LINEAR)
        masks.append(((m > 127) * 255).astype(np.uint8))
        ids.append(name)
    return {"comp": np.stack(comps), "real": np.stack(reals), "mask": np.stack(masks), "ids": np.array(ids)}


def ckpt_for(method, args):
    """runs/<id>/ckpt.pt when present, else the exported models/<id>.onnx for HDNet models."""
    if method in ("composite", "classic"):
        return None
    ck = checkpoints.path_for(method)
    if os.path.exists(ck) or method == "s2crnet":
        return ck
    exported = os.path.join(checkpoints.MODELS_DIR, method + ".onnx")
    return exported if os.path.exists(exported) else ck


def module_probe(method, ckpt, val, k):
    """How much the trained network relies on its dynamic modules: the same weights scored as trained, with the
    background reference cut from LD's fusion layer (the fused feature then depends on the foreground cell alone),
    and with MGD's dynamic kernels set to zero (both MGD modules become the identity)."""
    out = {"method": method, "k": k}
    for variant in ("as trained", "LD reference cut", "MGD kernels zero"):
        model, _ = load_hdnet(ckpt)  # fresh weights per variant: the cuts below edit them in place
        out["temperature"] = float(model.ld.temperature())
        with torch.no_grad():
            if variant == "LD reference cut":
                cut_ld_reference(model)
            if variant == "MGD kernels zero":
                for mgd in (model.mgd1, model.mgd2):
                    for head in (mgd.head_f, mgd.head_b):
                        head[2].weight.zero_()
                        head[2].bias.zero_()
        out[variant] = table(run_set(lambda c, m: model(c, m, torch.tensor([k]))[0], val))
    out["ld_propagation"] = ld_propagation(ckpt, val, k)
    return out


def cut_ld_reference(model):
    """Zeroes the background-reference half of LD's fusion layer: the fused feature then depends on the fg cell alone."""
    with torch.no_grad():
        w = model.ld.fuse.weight
        w[:, w.shape[1] // 2:] = 0


@torch.no_grad()
def ld_propagation(ckpt, val, k, bs=4):
    """Where LD's effect goes: with LD's background reference cut, the relative change of the foreground features
    (||delta * m|| / ||f * m|| over the whole set, m = mask pooled to the stage's scale) at LD's output and after
    each decoder stage, and ("output") the foreground RMS change of the harmonized image on the 0..255 scale."""
    trained, cut = load_hdnet(ckpt)[0], load_hdnet(ckpt)[0]
    cut_ld_reference(cut)
    num, den = collections.defaultdict(float), collections.defaultdict(float)
    n = len(val["comp"])
    for s in range(0, n, bs):
        c, m, _ = data.to_tensors(val, np.arange(s, min(n, s + bs)))
        a, b = (stage_outputs(model, c, m, k) for model in (trained, cut))
        for name, scale in PROPAGATION_STAGES:
            ms = F.avg_pool2d(m, scale) if scale > 1 else m
            num[name] += float((((a[name] - b[name]) * ms) ** 2).sum())
            den[name] += float(((a[name] * ms) ** 2).sum())
        num["output"] += float((((a["output"] - b["output"]) * 255 * m) ** 2).sum())
        den["output"] += float(m.sum()) * 3
    return {name: math.sqrt(num[name] / max(den[name], 1e-12)) for name in num}


def stage_outputs(model, c, m, k):
    """The outputs of the PROPAGATION_STAGES modules and the harmonized image ("output") for one batch."""
    acts = {}
    hooks = [getattr(model, name).register_forward_hook(
        lambda mod, i, o, name=name: acts.__setitem__(name, o[0] if isinstance(o, tuple) else o))
        for name, _ in PROPAGATION_STAGES]
    try:
        acts["output"] = model(c, m, torch.tensor([k]))[0]
    finally:
        for h in hooks:
            h.remove()
    return acts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--methods", default="composite,classic,hdnet-lite,hdnet,s2crnet")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--ksweep", default=None)
    ap.add_argument("--dead-zones", default=None,
                    help="comma-separated dead-zone levels: the first method (HDNet-CT) scored with each")
    ap.add_argument("--ablation", default=None, help="comma-separated run dirs")
    ap.add_argument("--triplets", action="store_true")
    ap.add_argument("--module-probe", action="store_true",
                    help="score the first method as trained, without LD's reference and without MGD's kernels")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--val-set", default="v1", choices=["v1", "v2"],
                    help="v1: the fixed set of the first generator (data.py); v2: synth.py's own validation set")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--merge", action="store_true", help="update an existing --out file instead of replacing it")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    val = synth.validation_set(256) if args.val_set == "v2" else data.fixed_val_set(256)
    if args.limit:
        val = {k: v[:args.limit] for k, v in val.items()}
    result = {"val_set": f"fixed synthetic val {args.val_set} ({len(val['comp'])} images, 256x256)"}
    if args.merge and os.path.exists(args.out):
        with open(args.out) as f:
            result.update(json.load(f))
    if args.ablation:
        for rd in args.ablation.split(","):
            fn, ck = predictor("hdnet", os.path.join(rd, "ckpt.pt"), args.k)
            result[os.path.basename(rd.rstrip("/"))] = {**table(run_set(fn, val)), "step": ck.get("step"),
                                                        "images_seen": ck.get("images_seen"),
                                                        "wall_s": ck.get("wall_s"), "flags": ck.get("flags"),
                                                        "seed": ck.get("args", {}).get("seed")}
    elif args.module_probe:
        method = args.methods.split(",")[0]
        result["module_probe"] = module_probe(method, ckpt_for(method, args), val, args.k)
    elif args.dead_zones:
        method = args.methods.split(",")[0]
        for tau in [float(x) for x in args.dead_zones.split(",")]:
            fn, ck = predictor(method, ckpt_for(method, args), args.k, dead_zone=tau)
            result[f"dead_zone={tau:g}"] = table(run_set(fn, val))
    elif args.ksweep:
        method = args.methods.split(",")[0]
        for k in [int(x) for x in args.ksweep.split(",")]:
            fn, ck = predictor(method, ckpt_for(method, args), k)
            result[f"k={k}"] = table(run_set(fn, val))
    else:
        sets = {"val": val}
        if args.triplets:
            sets["triplets"] = triplets_set()
        for method in args.methods.split(","):
            ck_path = ckpt_for(method, args)
            if ck_path and not os.path.exists(ck_path):
                print(f"skip {method}: no checkpoint {ck_path}", flush=True)
                continue
            fn, ck = predictor(method, ck_path, args.k)
            entry = {"step": ck.get("step"), "images_seen": ck.get("images_seen"), "wall_s": ck.get("wall_s")}
            for sname, sv in sets.items():
                d = run_set(fn, sv)
                entry[sname] = table(d)
                if sname == "triplets":
                    entry["triplets_per_image"] = {str(i): {"mse": float(a), "psnr": float(b), "fmse": float(c)}
                                                   for i, a, b, c in zip(sv["ids"], d["mse"], d["psnr"], d["fmse"])}
            result[method] = entry
            print(method, json.dumps(entry["val"]["all"]), flush=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(result, f, indent=1)
    os.replace(tmp, args.out)
    print(json.dumps(result)[:3000])


if __name__ == "__main__":
    main()
