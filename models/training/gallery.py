"""Side-by-side gallery of real composites (no ground truth) for looking at a release: composite | each method.

  python3 -m training.gallery --methods classic,hdnet-lite,hdnet-ct --out training/cache/gallery
  python3 -m training.gallery --methods hdnet-ct --k 1,9 --out training/cache/gallery-k   # what K does

Inputs: every NAME_comp.* + NAME_mask.png of shared/data/eval/real-composites (research-only: the sheets are written
to a git-ignored folder, never committed) and the demo scene of assets/demo, at its own placement and dragged to the
middle of the picture. Each network runs at a long side of --size (a multiple of 8), as the editor's working size.
Writes sheet-NN.png pages and foreground means per picture and method (means.json) for describing casts.
"""
import argparse
import glob
import json
import os

import cv2
import numpy as np
import torch

from . import checkpoints
from . import generalisation

REAL = os.environ.get("HD_REAL_COMPOSITES", "/work/shared/data/eval/real-composites")
DEMO = os.path.join(os.path.dirname(checkpoints.MODELS_DIR), "assets", "demo")
THUMB = 220
ROWS = 6


def real_composites():
    for mp in sorted(glob.glob(os.path.join(REAL, "*_mask.png"))):
        name = os.path.basename(mp)[:-len("_mask.png")]
        comp = cv2.imread(glob.glob(os.path.join(REAL, name + "_comp.*"))[0])[:, :, ::-1]
        mask = cv2.imread(mp, cv2.IMREAD_GRAYSCALE)
        yield name, comp, cv2.resize(mask, (comp.shape[1], comp.shape[0])) > 127


def demo_scenes():
    """The demo object over the demo background at its placement and moved to the picture's middle."""
    with open(os.path.join(DEMO, "scene.json")) as f:
        scene = json.load(f)
    bg = cv2.imread(os.path.join(DEMO, scene["background"]))[:, :, ::-1]
    obj = cv2.imread(os.path.join(DEMO, scene["object"]), cv2.IMREAD_UNCHANGED)
    p = scene["placement"]
    obj = cv2.resize(obj, None, fx=p["scaleX"], fy=p["scaleY"], interpolation=cv2.INTER_AREA)
    h, w = obj.shape[:2]
    for name, (x, y) in (("demo", (round(p["x"] - w / 2), round(p["y"] - h / 2))),  # placement: the object's centre
                         ("demo-dragged", ((bg.shape[1] - w) // 2, (bg.shape[0] - h) // 2))):
        comp, mask = bg.copy(), np.zeros(bg.shape[:2], bool)
        x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, bg.shape[1]), min(y + h, bg.shape[0])
        part = obj[y0 - y:y1 - y, x0 - x:x1 - x]
        a = part[:, :, 3:4] / 255.0
        comp[y0:y1, x0:x1] = (a * part[:, :, 2::-1] + (1 - a) * comp[y0:y1, x0:x1]).astype(np.uint8)
        mask[y0:y1, x0:x1] = part[:, :, 3] > 127
        yield name, comp, mask


def run_at(fn, comp, mask, size, k):
    """fn on the picture scaled to a long side of `size` (multiple-of-8 sides); result uint8 at that scale."""
    s = size / max(comp.shape[:2])
    w, h = max(8, round(comp.shape[1] * s / 8) * 8), max(8, round(comp.shape[0] * s / 8) * 8)
    c = cv2.resize(comp, (w, h), interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    m = (cv2.resize(mask.astype(np.uint8) * 255, (w, h), interpolation=cv2.INTER_AREA) > 127).astype(np.float32)
    with torch.no_grad():
        out = fn(torch.from_numpy(c.transpose(2, 0, 1).copy())[None], torch.from_numpy(m)[None, None], k)
    return np.round(out[0].clamp(0, 1).numpy().transpose(1, 2, 0) * 255).astype(np.uint8), m > 0.5


def label(img, text):
    out = img.copy()
    cv2.putText(out, text, (4, 16), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (0, 0, 0), 3, cv2.LINE_AA)
    cv2.putText(out, text, (4, 16), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (255, 255, 255), 1, cv2.LINE_AA)
    return out


def row(name, comp, outs):
    tiles = [label(cv2.resize(comp, (round(comp.shape[1] * THUMB / comp.shape[0]), THUMB)), name)]
    tiles += [label(cv2.resize(o, (tiles[0].shape[1], THUMB)), m) for m, o in outs]
    return np.concatenate(tiles, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--methods", default="classic,hdnet-lite")
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--k", default="1", help="K, or several (e.g. 1,9): each method once per K, side by side")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    ks = [int(k) for k in args.k.split(",")]
    fns = [(m.split("=", 1)[0] + (f" K={k}" if len(ks) > 1 else ""), generalisation.method_fn(m)[0], k)
           for m in args.methods.split(",") for k in ks]
    os.makedirs(args.out, exist_ok=True)
    rows, means = [], {}
    for name, comp, mask in [*demo_scenes(), *real_composites()]:
        outs = []
        for mname, fn, k in fns:
            o, m = run_at(fn, comp, mask, args.size, k)
            outs.append((mname, o))
            means.setdefault(name, {})[mname] = [round(float(v), 1) for v in o[m].mean(0)]
        small, m = run_at(lambda c, mm, k: c, comp, mask, args.size, 1)
        means[name]["composite"] = [round(float(v), 1) for v in small[m].mean(0)]
        rows.append(row(name, small, outs))
    width = max(r.shape[1] for r in rows)
    rows = [np.pad(r, ((0, 0), (0, width - r.shape[1]), (0, 0))) for r in rows]
    for i in range(0, len(rows), ROWS):
        cv2.imwrite(os.path.join(args.out, f"sheet-{i // ROWS + 1:02d}.png"),
                    np.concatenate(rows[i:i + ROWS], 0)[:, :, ::-1], [cv2.IMWRITE_PNG_COMPRESSION, 6])
    with open(os.path.join(args.out, "means.json"), "w") as f:
        json.dump(means, f, indent=1)


if __name__ == "__main__":
    main()
