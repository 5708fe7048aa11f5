"""Pack the training/validation photos as a few compact parts to carry to the GPU machine, and unpack them there.

  here:        python3 gpu/pack_data.py pack   [--out-dir cache/gpu] [--part-mb MB]   # -> part1.npz, part2.npz, ...
  GPU machine: python3 gpu/pack_data.py unpack  --parts DIR                           # -> $HDCOMPOSE_CACHE/*.pkl
The device tool carries at most 64 MiB per call, working tree included (~45 MB), so the data travels as parts
sized to fit beside the tree, one per call (see gpu/README.md). Photos are stored as WebP (short side 256), masks as PNG. Each part
names how many parts there are, and unpacking refuses an incomplete set.
The parts hold research-only data: never commit them (cache/ is ignored).
"""
import argparse
import glob
import os
import pickle
import subprocess

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
from .. import data


def encode_item(item, quality):
    ident, img, masks = item
    photo = cv2.imencode(".webp", img[:, :, ::-1], [cv2.IMWRITE_WEBP_QUALITY, quality])[1].tobytes()
    return ident, photo, [cv2.imencode(".png", m)[1].tobytes() for m in masks]


def decode_item(rec):
    ident, photo, masks = rec
    img = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)[:, :, ::-1].copy()
    return ident, img, [cv2.imdecode(np.frombuffer(m, np.uint8), cv2.IMREAD_GRAYSCALE) for m in masks]


def split_into_parts(records, part_bytes):
    """Groups (split, encoded item) records into consecutive lists of at most part_bytes payload each."""
    parts, cur, size = [], [], 0
    for rec in records:
        n = len(rec[1][1]) + sum(len(m) for m in rec[1][2])
        if cur and size + n > part_bytes:
            parts.append(cur)
            cur, size = [], 0
        cur.append(rec)
        size += n
    if cur:
        parts.append(cur)
    return parts


CARRY_LIMIT_MB = 64 * 1.048576  # the device tool's 64 MiB per call: working tree + carried paths


def travelling_tree_mb(repo):
    """MB of what every device call sends: tracked files plus untracked files git does not ignore."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=repo,
                         capture_output=True, check=True).stdout.decode().split("\0")
    return sum(os.path.getsize(os.path.join(repo, p)) for p in out if p and os.path.isfile(os.path.join(repo, p))) / 1e6


def default_part_mb(margin_mb=2.5):
    repo = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
    tree = travelling_tree_mb(repo)
    room = CARRY_LIMIT_MB - tree - margin_mb
    if room < 5:
        raise SystemExit(f"the working tree is {tree:.1f} MB: too little room under the device tool's 64 MiB for data")
    print(f"working tree {tree:.1f} MB -> parts of at most {room:.1f} MB")
    return room


def pack(out_dir, part_mb=None, quality=75):
    part_mb = part_mb or default_part_mb()
    records = [(split, encode_item(it, quality)) for split in ("train", "val") for it in data.load_split(split)]
    parts = split_into_parts(records, int(part_mb * 1e6))
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "part*.npz")):
        os.remove(old)
    for i, recs in enumerate(parts, 1):
        path = os.path.join(out_dir, f"part{i}.npz")
        with open(path + ".tmp", "wb") as f:
            pickle.dump({"part": i, "parts": len(parts), "records": recs}, f, protocol=4)
        os.replace(path + ".tmp", path)
        print(path, f"{os.path.getsize(path) / 1e6:.1f} MB", len(recs), "photos")


def unpack(parts_dir, cache=None):
    cache = cache or data.CACHE
    files = sorted(glob.glob(os.path.join(parts_dir, "part*.npz")))
    loaded = []
    for p in files:
        with open(p, "rb") as f:
            loaded.append(pickle.load(f))
    want = loaded[0]["parts"] if loaded else 0
    have = sorted(d["part"] for d in loaded)
    if not loaded or have != list(range(1, want + 1)):
        raise SystemExit(f"incomplete data: parts {have} of {want or '?'} in {parts_dir}")
    by_split = {"train": [], "val": []}
    for d in sorted(loaded, key=lambda d: d["part"]):
        for split, rec in d["records"]:
            by_split[split].append(decode_item(rec))
    os.makedirs(cache, exist_ok=True)
    for split, items in by_split.items():
        with open(os.path.join(cache, f"{split}_{data.SHORT}.pkl"), "wb") as f:
            pickle.dump(items, f, protocol=4)
    print("unpacked", {k: len(v) for k, v in by_split.items()}, "photos into", cache)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["pack", "unpack"])
    ap.add_argument("--out-dir", default=os.path.join(data.CACHE, "gpu"))
    ap.add_argument("--parts", default=os.path.join(data.CACHE, "gpu"), help="folder holding part*.npz")
    ap.add_argument("--part-mb", type=float, default=None, help="default: what fits beside the working tree")
    ap.add_argument("--quality", type=int, default=75, help="WebP quality of the photos")
    a = ap.parse_args()
    pack(a.out_dir, a.part_mb, a.quality) if a.mode == "pack" else unpack(a.parts)
