"""Behaviour of the independent synthetic evaluation set (indep.py) on tiny synthetic photos."""

import collections

import numpy as np
import pytest

from training import indep

SIZE = 48


def synth_photos(n=6, size=64, seed=0):
    """Smooth coloured gradients with noise and an elliptical object of its own colour."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[:size, :size] / size
    photos = []
    for i in range(n):
        grad = rng.uniform(-60, 60, (2, 3))
        img = rng.uniform(50, 200, 3) + yy[..., None] * grad[0] + xx[..., None] * grad[1]
        img = img + rng.normal(0, 10, (size, size, 3))
        (cy, cx), (ry, rx) = rng.uniform(0.35, 0.65, 2), rng.uniform(0.12, 0.3, 2)
        m = ((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1
        img[m] += rng.uniform(-60, 60, 3)
        photos.append((f"syn/{i}", np.clip(img, 0, 255).astype(np.uint8), [m.astype(np.uint8) * 255]))
    return photos


@pytest.fixture(scope="module")
def photos():
    return synth_photos()


@pytest.fixture(scope="module")
def mixed(photos):
    return indep.build(photos, size=SIZE, per_photo=12)


def identity(comp, mask, k):
    return comp


@pytest.mark.parametrize("family", indep.FAMILIES)
def test_every_family_reachable_and_recolours_the_object(photos, family):
    ds = indep.build(photos, size=SIZE, per_photo=2, families=[family], p_none=0, p_combo=0)
    assert set(ds["family"]) == {family}
    assert ds["comp"].shape == (len(photos) * 2, SIZE, SIZE, 3) and ds["comp"].dtype == np.uint8
    assert (ds["strength"] > 0).mean() >= 0.75


def test_mix_has_none_items_equal_to_real_and_combined_casts(mixed):
    fam = mixed["family"]
    none = fam == "none"
    assert 0.03 <= none.mean() <= 0.25
    assert np.array_equal(mixed["comp"][none], mixed["real"][none])
    assert (mixed["strength"][none] == 0).all() and (mixed["strength_bin"][none] == "none").all()
    combined = np.char.find(fam.astype(str), "+") >= 0
    assert 0.1 <= combined.mean() <= 0.5
    assert all(len(set(f.split("+"))) == 2 for f in fam[combined])
    assert {f.split("+")[0] for f in fam} >= set(indep.FAMILIES) - {"stat-transfer"}  # seed sweep reaches most


def test_deterministic_for_a_seed(photos):
    a, b = (indep.build(photos, size=SIZE, per_photo=3) for _ in range(2))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    c = indep.build(photos, size=SIZE, per_photo=3, seed=7)
    assert not np.array_equal(a["comp"], c["comp"])


def test_composite_equals_real_outside_the_mask(mixed):
    outside = mixed["mask"] == 0
    assert np.array_equal(mixed["comp"][outside], mixed["real"][outside])
    assert set(np.unique(mixed["mask"])) <= {0, 255}


def test_strength_is_foreground_mse_and_all_bins_are_populated(mixed):
    fg = mixed["mask"] > 127
    diff = (mixed["comp"].astype(float) - mixed["real"]) ** 2
    mse = np.array([d[f].mean() for d, f in zip(diff, fg)])
    assert np.allclose(mse, mixed["strength"])
    assert set(mixed["strength_bin"]) == {"none", "mild", "medium", "strong"}
    cast = mixed["family"] != "none"
    expect = np.where(mse < indep.MILD_MAX, "mild", np.where(mse < indep.STRONG_MIN, "medium", "strong"))
    assert np.array_equal(mixed["strength_bin"][cast], expect[cast])


def test_masks_outside_the_area_range_are_skipped():
    img = np.full((50, 50, 3), 128, np.uint8)
    tiny, huge = np.zeros((50, 50), np.uint8), np.full((50, 50), 255, np.uint8)
    tiny[:3, :3] = 255
    ds = indep.build([("a", img, [tiny]), ("b", img, [huge]), ("c", img, [tiny, huge])], size=SIZE)
    assert len(ds["comp"]) == 0


def test_evaluate_identity_is_never_worse_and_scores_the_composite(mixed):
    res = indep.evaluate_set(identity, mixed, batch=5)
    s = res["summary"]
    assert s["n"] == len(mixed["comp"]) and s["worse_share"] == 0
    assert s["mse"] == pytest.approx(s["comp_mse"]) and s["fmse"] == pytest.approx(s["comp_fmse"])
    diff = (mixed["comp"].astype(float) - mixed["real"]) ** 2
    assert s["mse"] == pytest.approx(diff.mean())
    assert sum(v["n"] for v in res["per_bin"].values()) == s["n"]
    assert sum(v["n"] for v in res["per_family"].values()) == s["n"]


def test_evaluate_counts_damage_as_worse(mixed):
    def brighten(comp, mask, k):
        return np.clip(comp + 0.2 * mask, 0, 1)

    res = indep.evaluate_set(brighten, mixed)
    assert res["per_family"]["none"]["worse_share"] == 1.0  # any change of a harmonious object is worse
    assert res["summary"]["fmse"] > res["summary"]["comp_fmse"]


def test_evaluate_perfect_prediction(mixed):
    order = iter(range(len(mixed["real"])))

    def oracle(comp, mask, k):
        idx = [next(order) for _ in range(len(comp))]
        return mixed["real"][idx].transpose(0, 3, 1, 2) / 255.0

    s = indep.evaluate_set(oracle, mixed, batch=4)["summary"]
    assert s["mse"] == 0 and s["worse_share"] == 0 and s["psnr"] == indep.PSNR_CAP


def test_scores_are_split_by_the_photos_collection(photos):
    two = [(f"{'labelme' if i % 2 else 'bsds'}/{i}", img, masks) for i, (_, img, masks) in enumerate(photos)]
    ds = indep.build(two, size=SIZE, per_photo=4)

    res = indep.evaluate_set(identity, ds)
    per = res["per_source"]
    assert set(per) == {"bsds", "labelme"} and per["bsds"]["n"] + per["labelme"]["n"] == res["summary"]["n"]
    bsds = np.array([i.startswith("bsds") for i in ds["ids"]])
    assert per["bsds"]["comp_mse"] == pytest.approx(res["per_image"]["comp_mse"][bsds].mean())


def test_the_other_photos_set_leaves_the_main_collection_out(photos, tmp_path, monkeypatch):
    from training import data, generalisation
    named = [(f"{('labelme', 'bsds', 'davis')[i % 3]}/{i}", img, masks) for i, (_, img, masks) in enumerate(photos)]
    monkeypatch.setattr(data, "load_split", lambda split: named if split == "holdout" else [])
    monkeypatch.setattr(data, "CACHE", str(tmp_path))
    ds = generalisation.other_photos_set(size=SIZE)
    sources = {str(i).split("/")[0] for i in ds["ids"]}
    assert sources == {"bsds", "davis"} and len(ds["comp"]) == 4 * generalisation.OTHER_PER_PHOTO
    again = generalisation.other_photos_set(size=SIZE)  # read back from the cache
    assert np.array_equal(again["comp"], ds["comp"])


def test_the_seen_photos_set_draws_training_photos_of_the_other_collections_as_held_out_ones(photos, tmp_path,
                                                                                               monkeypatch):
    from training import data, generalisation
    held = [f"{('labelme', 'bsds', 'davis', 'bsds')[i % 4]}/h{i}" for i in range(8)]  # 4 bsds, 2 davis
    train = [(f"{('labelme', 'bsds', 'davis')[i % 3]}/t{i}", img, masks)
             for i, (_, img, masks) in enumerate(photos * 3)]
    monkeypatch.setattr(data, "split_ids", lambda split: held if split == "holdout" else [t[0] for t in train])
    monkeypatch.setattr(data, "load_split", lambda split: train if split == "train-scenes" else [])
    monkeypatch.setattr(data, "CACHE", str(tmp_path))
    ds = generalisation.seen_photos_set(size=SIZE)
    assert all("/t" in str(i) for i in ds["ids"])  # training photos only
    per_source = collections.Counter(str(i).split("/")[0] for i in ds["ids"])
    assert per_source == {"bsds": 4 * generalisation.OTHER_PER_PHOTO, "davis": 2 * generalisation.OTHER_PER_PHOTO}


def test_brightness_gap_is_how_far_the_object_is_meant_to_differ_from_its_scene():
    real = np.full((2, 8, 8, 3), 50, np.uint8)
    mask = np.zeros((2, 8, 8), np.uint8)
    mask[:, 2:5, 2:5] = 255
    real[0][mask[0] > 0] = 200  # a bright object on a dark scene
    assert indep.brightness_gap(real, mask) == pytest.approx([150.0, 0.0])


def test_scores_are_split_by_the_objects_brightness_gap(photos):
    ds = indep.build(photos, size=SIZE, per_photo=4)
    res = indep.evaluate_set(identity, ds)
    per = res["per_contrast"]
    assert list(per) == ["0-10", "10-25", "25-50", "50-80", "80+"]
    assert sum(b["n"] for b in per.values()) == res["summary"]["n"]
    which = np.digitize(indep.brightness_gap(ds["real"], ds["mask"]), indep.CONTRAST_EDGES)
    fullest = np.bincount(which).argmax()
    assert per[list(per)[fullest]]["comp_mse"] == pytest.approx(res["per_image"]["comp_mse"][which == fullest].mean())
