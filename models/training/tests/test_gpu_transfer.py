"""GPU-machine transfer: data parts fit the carry limit and unpack completely; weights come back in small float16
parts and join into a checkpoint equal to the float16-rounded model."""
import os
import pickle
import sys

import numpy as np
import pytest
import torch

from training import hdnet
from training.gpu import pack_data
from training.gpu import weights


def fake_items(n, seed=0):
    rng = np.random.default_rng(seed)
    items = []
    for i in range(n):
        yy, xx = np.mgrid[0:64, 0:96]
        img = np.stack([xx * 2, yy * 3, (xx + yy + rng.integers(0, 60)) % 256], -1).astype(np.uint8)
        img = np.clip(img.astype(int) + rng.integers(0, 8, img.shape), 0, 255).astype(np.uint8)
        mask = np.zeros((64, 96), np.uint8)
        mask[10:40, 20:60] = 255
        items.append((f"set/img{i}", img, [mask, 255 - mask]))
    return items


def test_parts_respect_the_size_and_unpack_to_every_photo(tmp_path, monkeypatch):
    items = {"train": fake_items(12), "val": fake_items(3, seed=1)}
    monkeypatch.setattr(pack_data.data, "load_split", lambda split: items[split])
    pack_data.pack(str(tmp_path / "parts"), part_mb=0.005, quality=90)
    parts = sorted(os.listdir(tmp_path / "parts"))
    assert len(parts) > 1
    assert all(os.path.getsize(tmp_path / "parts" / p) < 0.005e6 + 5_000 for p in parts)
    pack_data.unpack(str(tmp_path / "parts"), cache=str(tmp_path / "cache"))
    import pickle
    with open(tmp_path / "cache" / "train_256.pkl", "rb") as f:
        train = pickle.load(f)
    assert [t[0] for t in train] == [t[0] for t in items["train"]]
    assert train[0][1].shape == (64, 96, 3) and np.array_equal(train[0][2][1], items["train"][0][2][1])
    assert np.abs(train[0][1].astype(int) - items["train"][0][1]).mean() < 8  # lossy WebP, same photo


def test_a_single_part_thins_labelme_evenly_to_fit_and_carries_the_photo_lists(tmp_path, monkeypatch):
    def named(items, names):
        return [(name, img, masks) for name, (_, img, masks) in zip(names, items)]
    train = named(fake_items(20), [f"labelme/a{i}" for i in range(16)] + [f"bsds/b{i}" for i in range(4)])
    held = named(fake_items(3, seed=1), ["labelme/v0", "davis/seq_00001", "bsds/v2"])
    monkeypatch.setattr(pack_data.data, "load_split", lambda split: {"train-scenes": train, "holdout": held}[split])
    one = len(pickle.dumps(pack_data.encode_item(train[0], 90)))
    pack_data.pack_single(str(tmp_path / "parts"), part_mb=12.5 * one / 1e6, quality=90)
    assert os.listdir(tmp_path / "parts") == ["part1.npz"]
    pack_data.unpack(str(tmp_path / "parts"), cache=str(tmp_path / "cache"), ids_to=str(tmp_path / "ids"))
    kept = (tmp_path / "ids" / "train.txt").read_text().split()
    labelme = [int(i.split("/a")[1]) for i in kept if i.startswith("labelme/")]
    assert [i for i in kept if i.startswith("bsds/")] == [f"bsds/b{i}" for i in range(4)]  # other collections whole
    assert 3 <= len(labelme) < 16 and labelme[0] == 0 and max(np.diff(labelme)) <= 16 // len(labelme) + 1  # evenly
    assert (tmp_path / "ids" / "val.txt").read_text().split() == [h[0] for h in held]
    with open(tmp_path / "cache" / "train_256.pkl", "rb") as f:
        assert [t[0] for t in pickle.load(f)] == kept
    monkeypatch.setattr(pack_data.data, "DATA", str(tmp_path / "ids"))  # what HD_DATA points the trainer at there
    assert pack_data.data.split_ids("train-scenes") == kept and len(pack_data.data.split_ids("holdout")) == 3
    with pytest.raises(SystemExit, match="without any labelme photo"):
        pack_data.pack_single(str(tmp_path / "small"), part_mb=2 * one / 1e6, quality=90)


def test_unpacking_an_incomplete_set_is_refused(tmp_path, monkeypatch):
    items = {"train": fake_items(12), "val": fake_items(3, seed=1)}
    monkeypatch.setattr(pack_data.data, "load_split", lambda split: items[split])
    pack_data.pack(str(tmp_path / "parts"), part_mb=0.005, quality=90)
    os.remove(tmp_path / "parts" / "part2.npz")
    with pytest.raises(SystemExit, match="incomplete data"):
        pack_data.unpack(str(tmp_path / "parts"), cache=str(tmp_path / "cache"))


def test_weights_split_into_small_parts_and_join_back(tmp_path):
    torch.manual_seed(0)
    model = hdnet.build("hdnet-lite")
    ck = {"model": model.state_dict(), "step": 7, "images_seen": 112, "wall_s": 3.5, "flags": {"no_ld": False},
          "args": {"model": "hdnet-lite"}}
    torch.save(ck, tmp_path / "ckpt.pt")
    n = weights.split(str(tmp_path / "ckpt.pt"), str(tmp_path / "out"), part_bytes=400_000)
    assert n > 1 and all(os.path.getsize(tmp_path / "out" / f) < 16e6 for f in os.listdir(tmp_path / "out"))
    back = weights.join(str(tmp_path / "out"), str(tmp_path / "joined.pt"))
    assert back["step"] == 7 and back["args"]["model"] == "hdnet-lite"
    for k, v in model.state_dict().items():
        assert torch.equal(back["model"][k], v.half().float()), k
    os.remove(tmp_path / "out" / "weights-part1.npz")
    with pytest.raises(SystemExit, match="incomplete weights"):
        weights.join(str(tmp_path / "out"), str(tmp_path / "joined2.pt"))
