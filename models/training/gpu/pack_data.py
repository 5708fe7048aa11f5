"""Pack the training/validation data as ONE compact archive (and unpack it into ../cache/ on the GPU machine).

  python3 pack_data.py pack   [--out hdcompose-data.npz]   # reads shared/data/train via data.load_split
  python3 pack_data.py unpack  --archive hdcompose-data.npz # writes ../cache/{train,val}_256.pkl + val256.npz
Photos are stored as JPEG (quality 85, short side 256), masks as PNG: one ~54 MiB file, small enough to carry
to a GPU machine (the device tool carries 64 MiB). Final numbers for the model card should be computed here with
evaluate.py on the exact fixed val set (copy the checkpoint back), or pack with --with-valset (+132 MB).
The archive holds research-only data: never commit it.
"""
import argparse
import os
import pickle
import sys

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import data  # noqa: E402


def pack(out, quality=85, with_valset=False):
    arrays = {}
    for split in ("train", "val"):
        items = data.load_split(split)
        arrays[f"{split}_ids"] = np.array([it[0] for it in items])
        arrays[f"{split}_img"] = np.array([np.frombuffer(cv2.imencode(".jpg", it[1][:, :, ::-1],
                                                                      [cv2.IMWRITE_JPEG_QUALITY, quality])[1], np.uint8)
                                           for it in items], dtype=object)
        arrays[f"{split}_masks"] = np.array([np.array([np.frombuffer(cv2.imencode(".png", m)[1], np.uint8)
                                                       for m in it[2]] + [None], dtype=object)[:-1]
                                             for it in items], dtype=object)
    if with_valset:  # exact fixed validation set (+132 MB raw); without it the GPU side regenerates it from the
        val = data.fixed_val_set(256)  # JPEG'd val photos with the same seeds (close, not bit-identical)
        for k in ("comp", "real", "mask"):
            arrays["valset_" + k] = val[k]
        arrays["valset_ids"] = val["ids"]
    tmp = out + ".tmp.npz"
    np.savez(tmp, **arrays)
    os.replace(tmp, out)
    print(out, os.path.getsize(out) // (1 << 20), "MiB")


def unpack(archive):
    z = np.load(archive, allow_pickle=True)
    os.makedirs(data.CACHE, exist_ok=True)
    for split in ("train", "val"):
        items = []
        for ident, img, masks in zip(z[f"{split}_ids"], z[f"{split}_img"], z[f"{split}_masks"]):
            im = cv2.imdecode(img, cv2.IMREAD_COLOR)[:, :, ::-1].copy()
            ms = [cv2.imdecode(m, cv2.IMREAD_GRAYSCALE) for m in masks]
            items.append((str(ident), im, ms))
        with open(os.path.join(data.CACHE, f"{split}_{data.SHORT}.pkl"), "wb") as f:
            pickle.dump(items, f, protocol=4)
    if "valset_comp" in z.files:
        np.savez_compressed(os.path.join(data.CACHE, "val256.npz"), comp=z["valset_comp"], real=z["valset_real"],
                            mask=z["valset_mask"], ids=z["valset_ids"])
    print("unpacked into", data.CACHE)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["pack", "unpack"])
    ap.add_argument("--out", default=os.path.join(data.CACHE, "hdcompose-data.npz"))
    ap.add_argument("--archive", default=os.path.join(data.CACHE, "hdcompose-data.npz"))
    ap.add_argument("--quality", type=int, default=85, help="JPEG quality (85 keeps the archive under ~64 MiB)")
    ap.add_argument("--with-valset", action="store_true", help="also store the exact fixed val set (+132 MB)")
    a = ap.parse_args()
    pack(a.out, a.quality, a.with_valset) if a.mode == "pack" else unpack(a.archive)
