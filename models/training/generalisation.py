"""Evaluation the training generator can't fool: every method on data made apart from it.

  python3 -m training.generalisation --methods composite,classic,hdnet-lite,hdnet-ct --out training/results/generalisation.json

Sets (on the held-out scenes, data.split_ids("holdout"), never trained on; seen_other excepted):
  indep      indep.build: another generator's casts, four families training also covers and four it never makes,
             10 % harmonious objects; MSE, fMSE and the share of composites made worse, per family and strength.
  indep_other  the same generator (another seed, 6 composites per photo) on the held-out photos of the collections
             other than LabelMe (BSDS, DAVIS). LabelMe's 256² street scenes are 78 % of the training photos and
             73 % of `indep`; networks do much better on them, so this set shows the photos training sees less.
  seen_other (--seen) the same generator on as many TRAINING photos of those collections: how much of a model's
             result on indep_other comes from having seen the photos (memorised object colours) rather than from
             reading the scene.
  two_zone   scenes.two_zone: photos relit by a dim-warm and a bright-cool zone, the object lit by the other zone;
             MSE at K = 1 and K = 9 and how far the two outputs differ inside the mask (the K effect).
  placement  scenes.placement: one neutral object dropped into the dim and into the bright zone; the share of the
             zones' brightness gap the harmonized object reproduces.
  triplets   the real triplets of shared/data/eval (256x256).
A method is `composite`, `classic` (Lab statistics), a run id (models/runs/<id>/ckpt.pt), or a path to a checkpoint or
an exported HDNet .onnx file; `name=path` gives a path a name.
"""
import argparse
import collections
import json
import os
import pickle
import time

import numpy as np
import torch

from . import checkpoints
from . import data
from . import evaluate
from . import indep
from . import metrics
from . import s2crnet
from . import scenes

INDEP_PER_PHOTO = 2
OTHER_PER_PHOTO, OTHER_SEED = 6, 20261206
MAIN_COLLECTION = "labelme"  # the collection most training photos come from


def cached(name, make):
    """make()'s result, pickled once in the data cache under `name` (written atomically) and read back after that."""
    path = os.path.join(data.CACHE, name)
    if os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)
    value = make()
    os.makedirs(data.CACHE, exist_ok=True)
    with open(path + ".tmp", "wb") as f:
        pickle.dump(value, f, protocol=4)
    os.replace(path + ".tmp", path)
    return value


def holdout_sets(size=256):
    """(indep set, two-zone set, placement pairs) on the held-out photos; built once, then read from the cache."""
    def make():
        photos = data.load_split("holdout")
        return (indep.build(photos, size=size, per_photo=INDEP_PER_PHOTO), scenes.two_zone(photos, size=size),
                scenes.placement(photos, size=size))
    return cached(f"generalisation{size}.pkl", make)


def other_photos_set(size=256):
    """indep.build on the held-out photos outside MAIN_COLLECTION (indep_other); built once, then read from the cache."""
    def make():
        photos = [p for p in data.load_split("holdout") if data.photo_source(p[0]) != MAIN_COLLECTION]
        return indep.build(photos, size=size, seed=OTHER_SEED, per_photo=OTHER_PER_PHOTO)
    return cached(f"indep-other{size}.pkl", make)


def seen_photos_set(size=256, seed=0):
    """indep.build as for other_photos_set, on as many of the TRAINING photos outside MAIN_COLLECTION, drawn in the
    held-out set's proportions per collection (seen_other); built once, then read from the cache."""
    def make():
        held = collections.Counter(data.photo_source(i) for i in data.split_ids("holdout")
                                   if data.photo_source(i) != MAIN_COLLECTION)
        photos = data.load_split("train-scenes")
        rng = np.random.default_rng(seed)
        pick = []
        for source, n in sorted(held.items()):
            pool = [p for p in photos if data.photo_source(p[0]) == source]
            pick += [pool[i] for i in rng.choice(len(pool), min(n, len(pool)), replace=False)]
        return indep.build(pick, size=size, seed=OTHER_SEED, per_photo=OTHER_PER_PHOTO)
    return cached(f"indep-seen{size}.pkl", make)


def indep_summaries(res):
    """indep.evaluate_set's result without its per-image arrays."""
    return {key: res[key] for key in ("summary", "per_family", "per_bin", "per_source", "per_contrast")}


def torch_predictor(fn):
    """A numpy predict(comp, mask, k) around fn(comp tensor, mask tensor, k) -> tensor."""
    @torch.no_grad()
    def predict(comp, mask, k):
        return fn(torch.from_numpy(np.ascontiguousarray(comp, np.float32)),
                  torch.from_numpy(np.ascontiguousarray(mask, np.float32)), k).clamp(0, 1).numpy()
    return predict


def method_fn(method, dead_zone=None, chroma_gain=None):
    """(fn(comp, mask, k) on tensors, description) of a method name or checkpoint path; dead_zone and chroma_gain
    replace an HDNet-CT checkpoint's inference settings."""
    if method == "composite":
        return (lambda c, m, k: c), {}
    if method == "classic":
        return (lambda c, m, k: evaluate.reinhard_classic(c, m)), {}
    path = method.split("=", 1)[1] if "=" in method else method
    if not os.path.exists(path):
        path = checkpoints.path_for(path)
    model, ck = checkpoints.load_model(path)
    overrides = {"dead_zone": dead_zone if getattr(model, "dead_zone", 0) > 0 else None,  # HDNet-CT's only
                 "chroma_gain": chroma_gain if getattr(model, "global_fit", False) else None}
    checkpoints.set_inference(model, {k: v for k, v in overrides.items() if v is not None})
    info = {"checkpoint": os.path.relpath(path), "model": checkpoints.model_name(ck),
            **{k: ck.get(k) for k in ("step", "images_seen", "wall_s")}}
    if info["model"] == "s2crnet":
        return (lambda c, m, k: s2crnet.harmonize(model, c, m)[0]), info
    return (lambda c, m, k: model(c, m, torch.tensor([k]))[0]), info


def triplets(fn, k):
    val = evaluate.triplets_set()
    c, m, r = data.to_tensors(val)
    with torch.no_grad():
        d = metrics.per_image(fn(c, m, k).clamp(0, 1), r, m)
    return {**metrics.summarize(d), "per_image": {str(i): float(v) for i, v in zip(val["ids"], d["mse"])}}


def score(method, sets, k=1, other=None, dead_zone=None, chroma_gain=None, seen=None):
    """Every measure of one method; `other` (other_photos_set) adds indep_other, `seen` (seen_photos_set) seen_other;
    dead_zone and chroma_gain override HDNet-CT's."""
    fn, info = method_fn(method, dead_zone, chroma_gain)
    ind, zones, pairs = sets
    predict = torch_predictor(fn)
    t0 = time.time()
    out = {"info": info, "indep": indep_summaries(indep.evaluate_set(predict, ind, k=k))}
    if other is not None:
        out["indep_other"] = indep_summaries(indep.evaluate_set(predict, other, k=k))
    if seen is not None:
        out["seen_other"] = indep_summaries(indep.evaluate_set(predict, seen, k=k))
    out["scenes"] = scenes.evaluate_scenes(predict, zone_set=zones, pairs=pairs)
    for part in out["scenes"].values():  # per-pair lists stay out of the summary file
        for key in [key for key, v in part.items() if isinstance(v, (list, np.ndarray))]:
            del part[key]
    out["triplets"] = triplets(fn, k)
    out["seconds"] = time.time() - t0
    return out


def headline(name, r):
    s, z, p, t = r["indep"]["summary"], r["scenes"]["two_zone"], r["scenes"]["placement"], r["triplets"]
    o = r.get("indep_other", {}).get("summary")
    other = f"other photos {o['mse']:.1f} (composite {o['comp_mse']:.1f}) worse {100 * o['worse_share']:.1f}% | " if o else ""
    if "seen_other" in r:
        v = r["seen_other"]["summary"]
        other += f"seen photos {v['mse']:.1f} (composite {v['comp_mse']:.1f}) worse {100 * v['worse_share']:.1f}% | "
    return (f"{name:>12}: indep MSE {s['mse']:.1f} (composite {s['comp_mse']:.1f}) worse {100 * s['worse_share']:.1f}% | "
            + other +
            f"two-zone MSE K1 {z['mse_k1']:.1f} K9 {z['mse_k9']:.1f} K-effect {z['k_effect_mean']:.2f} | "
            f"placement {p['ratio_k1_mean']:.2f} | triplets {t['mse']:.1f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--methods", default="composite,classic,hdnet-lite")
    ap.add_argument("--k", type=int, default=1)
    ap.add_argument("--dead-zone", type=float, default=None,
                    help="HDNet-CT checkpoints: infer with this dead zone (levels) instead of their own")
    ap.add_argument("--chroma-gain", type=float, default=None,
                    help="HDNet-CT checkpoints: infer with this gain on the correction's chroma instead of their own")
    ap.add_argument("--seen", action="store_true",
                    help="also score seen_other: the same casts on training photos of the other collections")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--merge", action="store_true", help="update an existing --out file instead of replacing it")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    sets, other = holdout_sets(), other_photos_set()
    seen = seen_photos_set() if args.seen else None
    result = read_results(args.out, args.merge)
    result["sets"] = {**result.get("sets", {}),  # a merge keeps the sizes of sets only earlier runs scored
                      "indep": len(sets[0]["comp"]), "indep_other": len(other["comp"]),
                      "two_zone": len(sets[1]["comp"]), "placement": len(sets[2]),
                      "photos": "held-out scenes (val.txt)", "size": 256, "k": args.k,
                      **({"seen_other": len(seen["comp"])} if seen else {})}
    for method in args.methods.split(","):
        name = method.split("=", 1)[0]
        result[name] = score(method, sets, args.k, other, args.dead_zone, args.chroma_gain, seen)
        print(headline(name, result[name]), flush=True)
    write_results(args.out, result)


def read_results(path, merge):
    """The results file to update (merge and it exists) or a new, empty one."""
    if merge and os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return {}


def write_results(path, result):
    """The results as JSON, written atomically."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(result, f, indent=1, default=float)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
