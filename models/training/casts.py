"""Compare the colour casts of the real triplets with those of the synthetic validation set.

Question it answers: do the re-colourings the network learns to undo (data.recolor) cover the casts of real composites?
For every image it measures, inside the foreground, how the composite differs from the real photo in CIE Lab: the mean
shift (dL, da, db; L 0..100) and the standard-deviation ratio (sdL, sda, sdb; composite / real), plus the cast size
|dLab| and the foreground ratio. It writes per-triplet values, the validation set's percentiles, and where each
triplet falls in the validation distribution (percentile rank per statistic).

  python3 casts.py --out results/casts.json
"""
import argparse
import json
import os

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
from . import data

STATS = ("dL", "da", "db", "sdL", "sda", "sdb", "cast", "fg")
PERCENTILES = (5, 25, 50, 75, 95)


def cast_stats(comp, real, mask):
    """comp, real uint8 HxWx3 RGB; mask uint8 HxW (0/255) -> dict of STATS; None when the foreground is empty."""
    sel = mask > 127
    if not sel.any():
        return None
    lab_c = cv2.cvtColor(comp.astype(np.float32) / 255.0, cv2.COLOR_RGB2Lab)[sel].astype(np.float64)
    lab_r = cv2.cvtColor(real.astype(np.float32) / 255.0, cv2.COLOR_RGB2Lab)[sel].astype(np.float64)
    shift = lab_c.mean(0) - lab_r.mean(0)
    spread = (lab_c.std(0) + 1e-3) / (lab_r.std(0) + 1e-3)
    values = list(shift) + list(spread) + [float(np.linalg.norm(shift)), float(sel.mean())]
    return {k: float(v) for k, v in zip(STATS, values)}


def set_stats(images):
    """images: dict with comp/real/mask arrays and ids (data.fixed_val_set layout) -> {id: stats} (empty fg skipped)."""
    out = {}
    for i, ident in enumerate(images["ids"]):
        s = cast_stats(images["comp"][i], images["real"][i], images["mask"][i])
        if s is not None:
            out[str(ident)] = s
    return out


def percentile_rank(values, x):
    """Share of values (in %) at or below x."""
    return float(100.0 * np.mean(np.asarray(values) <= x))


def compare(triplets, val):
    """Per-triplet statistics and their percentile ranks within the validation set's distribution."""
    columns = {k: [s[k] for s in val.values()] for k in STATS}
    per = {}
    for name, s in triplets.items():
        ranks = {k: percentile_rank(columns[k], s[k]) for k in STATS}
        per[name] = {"stats": s, "rank": ranks,
                     "outside_5_95": [k for k in STATS if not 5.0 <= ranks[k] <= 95.0]}
    summary = {k: dict(zip((f"p{p}" for p in PERCENTILES), np.percentile(columns[k], PERCENTILES).tolist()))
               for k in STATS}
    return {"val_n": len(val), "val_percentiles": summary, "triplets": per}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    import evaluate  # heavy (torch); only the command line needs it
    res = compare(set_stats(evaluate.triplets_set()), set_stats(data.fixed_val_set()))
    tmp = args.out + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(res, fh, indent=1)
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
