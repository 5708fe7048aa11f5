"""Bring trained weights back from the GPU machine: at most 16 MB a file may come back from it, so the weights
travel as float16 parts, and are joined here into a checkpoint that export.py and evaluate.py read.

  GPU machine: python3 gpu/weights.py split --checkpoint RUN/ckpt.pt --out $OUT        # weights-part1.npz, ...
  here:        python3 gpu/weights.py join  --parts DIR --out runs/hdnet/ckpt.pt
"""
import argparse
import glob
import json
import os

import numpy as np
import torch

PART_BYTES = 12_000_000  # under the device tool's 16 MB per returned file, with room for the npz overhead


def split(checkpoint, out_dir, part_bytes=PART_BYTES):
    ck = torch.load(checkpoint, map_location="cpu", weights_only=False)
    meta = {k: ck.get(k) for k in ("step", "images_seen", "wall_s", "flags")}
    meta["model"] = (ck.get("args") or {}).get("model", "hdnet")
    parts, cur, size = [], {}, 0
    for name, t in ck["model"].items():
        arr = t.detach().cpu().numpy()
        arr = arr.astype(np.float16) if arr.dtype == np.float32 else arr
        if cur and size + arr.nbytes > part_bytes:
            parts.append(cur)
            cur, size = {}, 0
        cur[name] = arr
        size += arr.nbytes
    parts.append(cur)
    os.makedirs(out_dir, exist_ok=True)
    for i, p in enumerate(parts, 1):
        np.savez(os.path.join(out_dir, f"weights-part{i}.npz"), __meta__=json.dumps({**meta, "part": i, "parts": len(parts)}),
                 **p)
    return len(parts)


def join(parts_dir, out):
    files = sorted(glob.glob(os.path.join(parts_dir, "weights-part*.npz")))
    if not files:
        raise SystemExit(f"no weights-part*.npz in {parts_dir}")
    sd, meta, seen = {}, None, []
    for f in files:
        z = np.load(f)
        meta = json.loads(str(z["__meta__"]))
        seen.append(meta["part"])
        sd.update({k: torch.from_numpy(z[k].astype(np.float32) if z[k].dtype == np.float16 else z[k])
                   for k in z.files if k != "__meta__"})
    if sorted(seen) != list(range(1, meta["parts"] + 1)):
        raise SystemExit(f"incomplete weights: parts {sorted(seen)} of {meta['parts']}")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    ck = {"model": sd, "step": meta["step"], "images_seen": meta["images_seen"], "wall_s": meta["wall_s"],
          "flags": meta["flags"] or {}, "args": {"model": meta["model"]}}
    torch.save(ck, out + ".tmp")
    os.replace(out + ".tmp", out)
    return ck


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["split", "join"])
    ap.add_argument("--checkpoint")
    ap.add_argument("--out", required=True)
    ap.add_argument("--parts")
    a = ap.parse_args()
    if a.mode == "split":
        print(split(a.checkpoint, a.out), "parts written to", a.out)
    else:
        ck = join(a.parts, a.out)
        print("joined", len(ck["model"]), "tensors, step", ck["step"], "->", a.out)
