"""The independent set at a size the app shrinks: composites made large, harmonized by the app, scored at 256².

  python3 -m training.native build --size 640 --out DIR
  (cd .. && java -jar target/hdcompose.jar harmonize --input=DIR --output=OUT --model=hdnet-ct)
  python3 -m training.native score --set DIR --outputs hdnet-ct=OUT,... --out training/results/native-640.json

generalisation.py scores networks on 256² composites, where nothing is resized. A user's pictures are larger, and the
app shrinks them to its working size, so how it shrinks (above all the object's edge) matters as much as the network.
build() writes indep.build's set (same seeds, families and strengths) made at --size: the held-out photos enlarged
(bicubic), each cast applied there through the enlarged, binarised mask, as NAME_comp/_real/_mask.png plus meta.json.
score() reads the harmonizer's NAME_out.png files, shrinks every output, real photo and mask to 256² (area; mask
binarised at half) and scores them as indep.evaluate_set does (MSE, fMSE, made worse, per family and strength).
"""
import argparse
import json
import os

import cv2
import numpy as np

from . import data
from . import generalisation
from . import indep

SCORE_SIZE = 256
KEYS = ("family", "strength", "strength_bin", "ids")


def enlarged_photos(photos, short):
    """(ident, image, masks) items with the image enlarged to a short side of `short` (bicubic), masks binarised."""
    return [(ident, data._resize_short(img, short, cv2.INTER_CUBIC),
             [((data._resize_short(m, short, cv2.INTER_LINEAR) > 127) * 255).astype(np.uint8) for m in masks])
            for ident, img, masks in photos]


def build(photos, size):
    """indep.build's set of the photos, made at size x size."""
    return indep.build(enlarged_photos(photos, size), size=size, per_photo=generalisation.INDEP_PER_PHOTO)


def write_set(ds, folder):
    """NAME_comp/_real/_mask.png per item and meta.json (written last: a folder with it is complete)."""
    os.makedirs(folder, exist_ok=True)
    meta = {}
    for n in range(len(ds["comp"])):
        name = f"i{n:03d}"
        for part in ("comp", "real"):
            cv2.imwrite(os.path.join(folder, f"{name}_{part}.png"), ds[part][n][..., ::-1])
        cv2.imwrite(os.path.join(folder, f"{name}_mask.png"), ds["mask"][n])
        meta[name] = {k: ds[k][n].item() for k in KEYS}
    tmp = os.path.join(folder, "meta.json.tmp")
    with open(tmp, "w") as f:
        json.dump(meta, f, indent=0)
    os.replace(tmp, os.path.join(folder, "meta.json"))


def shrink(img, size=SCORE_SIZE):
    return cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA)


def read_rgb(path):
    img = cv2.imread(path, cv2.IMREAD_COLOR)
    if img is None:
        raise FileNotFoundError(path)
    return shrink(img[..., ::-1])


def read_set(folder):
    """A written set shrunk to the scoring size, in indep.build's layout, with the item names."""
    with open(os.path.join(folder, "meta.json")) as f:
        meta = json.load(f)
    names = sorted(meta)
    ds = {"names": names}
    for part in ("comp", "real"):
        ds[part] = np.stack([read_rgb(os.path.join(folder, f"{n}_{part}.png")) for n in names])
    masks = [shrink(cv2.imread(os.path.join(folder, f"{n}_mask.png"), cv2.IMREAD_GRAYSCALE)) for n in names]
    ds["mask"] = np.stack([((m > 127) * 255).astype(np.uint8) for m in masks])
    for k in KEYS:
        ds[k] = np.array([meta[n][k] for n in names])
    return ds


def score(ds, outputs):
    """indep.score_outputs of a harmonizer's NAME_out.png folder on a read_set set."""
    out = np.stack([read_rgb(os.path.join(outputs, f"{n}_out.png")) for n in ds["names"]])
    return generalisation.indep_summaries(indep.score_outputs(out, ds))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=("build", "score"))
    ap.add_argument("--size", type=int, default=640, help="(build) side of the composites")
    ap.add_argument("--out", required=True, help="(build) the set's folder; (score) the results file")
    ap.add_argument("--set", help="(score) a folder written by build")
    ap.add_argument("--outputs", default="", help="(score) name=folder of NAME_out.png files, comma-separated")
    ap.add_argument("--merge", action="store_true", help="(score) update an existing --out file")
    args = ap.parse_args()
    if args.action == "build":
        write_set(build(data.load_split("holdout"), args.size), args.out)
        return
    ds = read_set(args.set)
    result = generalisation.read_results(args.out, args.merge)
    result["set"] = {"folder": os.path.basename(os.path.normpath(args.set)), "n": len(ds["names"]),
                     "scored at": SCORE_SIZE}
    result["composite"] = generalisation.indep_summaries(indep.score_outputs(ds["comp"], ds))
    for spec in filter(None, args.outputs.split(",")):
        name, folder = spec.split("=", 1)
        result[name] = score(ds, folder)
        s = result[name]["summary"]
        print(f"{name:>14}: MSE {s['mse']:.2f} (composite {s['comp_mse']:.2f}) fMSE {s['fmse']:.1f} "
              f"made worse {100 * s['worse_share']:.1f}%", flush=True)
    generalisation.write_results(args.out, result)


if __name__ == "__main__":
    main()
