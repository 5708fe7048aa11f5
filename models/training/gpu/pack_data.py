"""Pack the training/validation photos as a few compact parts to carry to the GPU machine, and unpack them there.

  here:        python3 gpu/pack_data.py pack   [--out-dir cache/gpu] [--part-mb MB]   # -> part1.npz, part2.npz, ...
               python3 gpu/pack_data.py pack-single                                  # -> part1.npz alone (oneshot)
  GPU machine: python3 gpu/pack_data.py unpack  --parts DIR [--ids-to DIR]            # -> $HDCOMPOSE_CACHE/*.pkl
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


def write_parts(out_dir, parts, **extra):
    """Replaces the part*.npz files in out_dir with one file per list of records (written atomically), each naming
    its number and how many there are; `extra` goes into every part. Returns the paths."""
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "part*.npz")):
        os.remove(old)
    paths = []
    for i, recs in enumerate(parts, 1):
        path = os.path.join(out_dir, f"part{i}.npz")
        with open(path + ".tmp", "wb") as f:
            pickle.dump({"part": i, "parts": len(parts), "records": recs, **extra}, f, protocol=4)
        os.replace(path + ".tmp", path)
        paths.append(path)
    return paths


def pack(out_dir, part_mb=None, quality=75):
    part_mb = part_mb or default_part_mb()
    records = [(split, encode_item(it, quality)) for split in ("train", "val") for it in data.load_split(split)]
    parts = split_into_parts(records, int(part_mb * 1e6))
    for path, recs in zip(write_parts(out_dir, parts), parts):
        print(path, f"{os.path.getsize(path) / 1e6:.1f} MB", len(recs), "photos")


def fitted(records, part_bytes, thin="labelme"):
    """The records, thinned evenly within the `thin` collection's training photos until their payload fits part_bytes
    (every other collection and the validation photos are kept whole)."""
    sizes = np.array([len(r[1][1]) + sum(len(m) for m in r[1][2]) for r in records])
    thinnable = np.array([r[0] == "train" and data.photo_source(r[1][0]) == thin for r in records])
    fixed = sizes[~thinnable].sum()
    if fixed > part_bytes:
        raise SystemExit(f"{fixed / 1e6:.1f} MB without any {thin} photo: more than the {part_bytes / 1e6:.1f} MB room")
    where = np.flatnonzero(thinnable)
    for n in range(len(where), -1, -1):  # the most of them, evenly spaced, that fit
        chosen = where[(np.arange(n) * len(where)) // n] if n else where[:0]
        if fixed + sizes[chosen].sum() <= part_bytes:
            keep = set(np.flatnonzero(~thinnable)) | set(chosen)
            return [r for i, r in enumerate(records) if i in keep]


def pack_single(out_dir, part_mb=None, quality=60):
    """One part for a one-call GPU run (session.sh oneshot): the v2 generator's photos (train-scenes as "train",
    the held-out scenes as "val") with their id lists, LabelMe's training photos thinned evenly to fit beside the
    working tree."""
    part_mb = part_mb or default_part_mb()
    records = [(name, encode_item(it, quality)) for name, split in (("train", "train-scenes"), ("val", "holdout"))
               for it in data.load_split(split)]
    kept = fitted(records, int(part_mb * 1e6))
    ids = {name: [r[1][0] for r in kept if r[0] == name] for name in ("train", "val")}
    path, = write_parts(out_dir, [kept], ids=ids)
    counts = {src: sum(data.photo_source(i) == src for i in ids["train"]) for src in ("labelme", "bsds", "davis")}
    print(path, f"{os.path.getsize(path) / 1e6:.1f} MB", len(kept), "photos; training photos by collection", counts,
          f"(of {sum(r[0] == 'train' for r in records)})")


def unpack(parts_dir, cache=None, ids_to=None):
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
    if ids_to:  # the photo lists data.split_ids reads (HD_DATA), where the part carries them
        os.makedirs(ids_to, exist_ok=True)
        for split, ids in loaded[0].get("ids", {}).items():
            with open(os.path.join(ids_to, f"{split}.txt"), "w") as f:
                f.write("\n".join(ids) + "\n")
    print("unpacked", {k: len(v) for k, v in by_split.items()}, "photos into", cache)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["pack", "pack-single", "unpack"])
    ap.add_argument("--out-dir", default=os.path.join(data.CACHE, "gpu"))
    ap.add_argument("--parts", default=os.path.join(data.CACHE, "gpu"), help="folder holding part*.npz")
    ap.add_argument("--part-mb", type=float, default=None, help="default: what fits beside the working tree")
    ap.add_argument("--quality", type=int, default=None, help="WebP quality of the photos (pack 75, pack-single 60)")
    ap.add_argument("--ids-to", default=None, help="unpack: write the part's photo lists (train.txt, val.txt) here")
    a = ap.parse_args()
    if a.mode == "pack":
        pack(a.out_dir, a.part_mb, a.quality or 75)
    elif a.mode == "pack-single":
        pack_single(a.out_dir, a.part_mb, a.quality or 60)
    else:
        unpack(a.parts, ids_to=a.ids_to)
