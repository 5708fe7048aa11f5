"""How much of a method's correction survives a loss of detail: generalisation's sets with composite and target softened.

  python3 -m training.robustness --methods composite,hdnet-lite,hdnet-ct --out training/results/robustness.json

Every picture of the independent set and of the real triplets (256x256, held-out scenes) is shrunk by --factor and
enlarged back (soften), composite and ground truth alike, as a photo that was upscaled or is slightly out of focus.
The colours to reach are the same as before, so a method that reads the cast from colour alone scores about as on the
sharp sets; one that leans on fine detail does not. Methods are named as in training.generalisation.
"""
import argparse
import time

import numpy as np
import torch

from . import data
from . import evaluate
from . import generalisation
from . import indep
from . import metrics
from . import synth

FACTOR = 0.5


def soften(img, factor=FACTOR):
    """An HxWxC picture (uint8 or float32) with less detail: synth.shrink_and_enlarge, the training augmentation's."""
    return synth.shrink_and_enlarge(img, factor)


def softened_indep(ind, factor=FACTOR):
    """The independent set with every composite and target softened (masks, families and strengths unchanged)."""
    out = dict(ind)
    for key in ("comp", "real"):
        out[key] = np.stack([soften(x, factor) for x in ind[key]])
    return out


def softened_tensors(t, factor=FACTOR):
    """[B,3,H,W] float tensors softened picture by picture."""
    pics = t.permute(0, 2, 3, 1).numpy()
    return torch.from_numpy(np.stack([soften(np.ascontiguousarray(p), factor) for p in pics])).permute(0, 3, 1, 2)


def score(method, ind_soft, trip_soft, k=1):
    """The method on the softened independent set (summary and strength bins) and the softened triplets."""
    fn, info = generalisation.method_fn(method)
    res = indep.evaluate_set(generalisation.torch_predictor(fn), ind_soft, k=k)
    c, m, r, ids = trip_soft
    with torch.no_grad():
        d = metrics.per_image(fn(c, m, k).clamp(0, 1), r, m)
    return {"info": info, "indep": {"summary": res["summary"], "per_bin": res["per_bin"]},
            "triplets": {**metrics.summarize(d), "per_image": {str(i): float(v) for i, v in zip(ids, d["mse"])}}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--methods", default="composite,hdnet-lite,hdnet-ct")
    ap.add_argument("--factor", type=float, default=FACTOR, help="shrink factor before enlarging back (0..1)")
    ap.add_argument("--k", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--merge", action="store_true", help="update an existing --out file instead of replacing it")
    args = ap.parse_args()
    if not 0 < args.factor <= 1:
        raise SystemExit(f"--factor must be in (0, 1], got {args.factor}")
    torch.set_num_threads(args.threads)
    ind_soft = softened_indep(generalisation.holdout_sets()[0], args.factor)
    val = evaluate.triplets_set()
    c, m, r = data.to_tensors(val)
    trip_soft = (softened_tensors(c, args.factor), m, softened_tensors(r, args.factor), val["ids"])
    result = generalisation.read_results(args.out, args.merge)
    result["sets"] = {"indep": len(ind_soft["comp"]), "triplets": len(val["ids"]), "size": 256, "k": args.k,
                      "factor": args.factor, "photos": "held-out scenes (val.txt); composite and target softened"}
    for method in args.methods.split(","):
        name = method.split("=", 1)[0]
        t0 = time.time()
        result[name] = score(method, ind_soft, trip_soft, args.k)
        s, t = result[name]["indep"]["summary"], result[name]["triplets"]
        print(f"{name:>12}: softened indep MSE {s['mse']:.1f} (composite {s['comp_mse']:.1f}) worse "
              f"{100 * s['worse_share']:.1f}% | softened triplets {t['mse']:.1f} ({time.time() - t0:.0f}s)", flush=True)
    generalisation.write_results(args.out, result)


if __name__ == "__main__":
    main()
