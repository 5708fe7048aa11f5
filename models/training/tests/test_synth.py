"""Training generator v2: every cast family reachable, no-cast and relit pairs present, composites differ only inside
the mask (cast pairs) or carry the right light (relit pairs), the scene split keeps held-out scenes out of training."""
import collections

import cv2
import numpy as np
import pytest

from training import data
from training import synth


def photo(seed=0, size=64):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size] / size
    img = np.stack([0.3 + 0.4 * xx, 0.3 + 0.3 * yy, 0.5 + 0.2 * np.sin(6 * xx)], 2)
    img = (img + rng.normal(0, 0.03, img.shape)).clip(0, 1).astype(np.float32)
    m = np.zeros((size, size), np.float32)
    m[16:44, 20:48] = 1
    return img, m


def kinds(n=400):
    img, m = photo()
    donor, _ = photo(1)
    rng = np.random.default_rng(5)
    return [synth.make_pair(img, m, rng, donor, None) for _ in range(n)], img, m


def test_every_family_no_cast_and_relit_pairs_are_drawn():
    pairs, _, _ = kinds()
    seen = collections.Counter()
    for _, _, kind in pairs:
        for name in kind.split("@")[0].split("+"):
            seen[name] += 1
    assert set(synth.FAMILIES) | {"none", "relight"} <= set(seen)
    assert 0.06 < seen["none"] / len(pairs) < 0.2 and 0.2 < seen["relight"] / len(pairs) < 0.4
    assert any(kind.endswith("@field") for _, _, kind in pairs)  # spatially varying casts too


@pytest.mark.parametrize("family", list(synth.FAMILIES))
def test_a_cast_changes_the_object_more_with_strength(family):
    img, m = photo()
    donor, _ = photo(1)
    change = []
    for s in (0.1, 1.0):
        out = synth.FAMILIES[family](img.copy(), m, s, np.random.default_rng(3), donor, None)
        assert out.shape == img.shape and np.isfinite(out).all() and out.min() >= 0 and out.max() <= 1
        change.append(np.abs(out - img)[m > 0].mean())
    assert change[1] > change[0] > 0


def test_cast_pairs_keep_the_background_and_no_cast_pairs_are_the_target():
    pairs, img, m = kinds(120)
    for comp, target, kind in pairs:
        if kind == "none":
            assert np.array_equal(comp, target)
        elif kind != "relight":
            assert np.allclose(comp[m == 0], img[m == 0]) and np.array_equal(target, img)
            assert np.abs(comp - img)[m == 1].mean() > 0


def test_relit_pairs_relight_the_whole_photo_and_leave_the_object_with_other_light():
    img, m = photo()
    rng = np.random.default_rng(9)
    for _ in range(10):
        comp, target = synth.relight_pair(img, m, rng)
        assert np.allclose(comp[m == 0], target[m == 0])  # background carries the new light
        assert np.abs(target - img)[m == 0].mean() > 0.005
        assert np.abs(comp - target)[m == 1].mean() > 0.003  # object does not


def test_kelvin_gains_are_warm_below_and_cool_above_daylight():
    warm, day, cool = synth.kelvin_gains(3000), synth.kelvin_gains(6500), synth.kelvin_gains(10000)
    assert np.allclose(day, 1, atol=1e-6)
    assert warm[0] > 1 > warm[2] and cool[2] > 1 > cool[0]


def test_generator_is_deterministic_for_a_seed():
    img, m = photo()
    a = synth.make_pair(img, m, np.random.default_rng(4), img, None)
    b = synth.make_pair(img, m, np.random.default_rng(4), img, None)
    assert np.array_equal(a[0], b[0]) and a[2] == b[2]


def test_scene_split_keeps_every_held_out_scene_out_of_training(monkeypatch):
    lists = {"train": ["davis/cows_00000", "davis/cows_00004", "davis/dog_00000", "labelme/a", "bsds/1"],
             "val": ["davis/cows_00008", "labelme/b"]}
    monkeypatch.setattr(data, "_read_ids", lambda split: lists[split])
    train = data.split_ids("train-scenes")
    assert train == ["davis/dog_00000", "labelme/a", "bsds/1"]
    assert data.split_ids("holdout") == lists["val"]
    assert not {data.scene(i) for i in train} & {data.scene(i) for i in data.split_ids("holdout")}


def test_validation_set_is_deterministic_and_has_every_kind_of_pair(tmp_path, monkeypatch):
    photos = [(f"labelme/p{i}", (photo(i, 80)[0] * 255).astype(np.uint8), [(photo(i, 80)[1] * 255).astype(np.uint8)])
              for i in range(40)]
    monkeypatch.setattr(data, "load_split", lambda split: photos)
    monkeypatch.setattr(data, "CACHE", str(tmp_path))
    a = synth.validation_set(64)
    (tmp_path / "val-v2-64.npz").unlink()
    b = synth.validation_set(64)
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert a["comp"].shape == (40, 64, 64, 3) and a["mask"].max() == 255
    kinds = {k.split("@")[0].split("+")[0] for k in a["kind"]}
    assert {"none", "relight"} <= kinds and len(kinds) >= 5


def test_mixed_pairs_draw_from_both_generators_in_the_given_share_and_only_from_training_scenes(monkeypatch):
    img, m = photo(size=96)
    u8 = (img * 255).astype(np.uint8)
    mask = (m * 255).astype(np.uint8)
    asked = []

    def load_split(split):
        asked.append(split)
        return [(f"bsds/{i}", u8, [mask]) for i in range(3)]

    monkeypatch.setattr(data, "load_split", load_split)
    for share, lo, hi in ((0.0, 0, 0), (1.0, 1000, 1000), (0.3, 240, 360)):
        mixed = synth.MixedPairs(share, seed=4)
        drawn = sum(mixed.source() is mixed.v1 for _ in range(1000))
        assert lo <= drawn <= hi
    assert set(asked) == {"train-scenes"}
    comp, mk, real = synth.MixedPairs(0.5, seed=1).batch(6, 64)
    assert comp.shape == real.shape == (6, 3, 64, 64) and mk.shape == (6, 1, 64, 64)
    first = synth.MixedPairs(0.5, seed=2).batch(3, 64)
    again = synth.MixedPairs(0.5, seed=2).batch(3, 64)
    assert all(np.array_equal(a, b) for a, b in zip(first, again))


@pytest.fixture
def one_photo_split(monkeypatch):
    """Every split is one synthetic photo with one object mask."""
    img, m = photo(size=96)
    monkeypatch.setattr(data, "load_split", lambda split: [("bsds/0", (img * 255).astype(np.uint8),
                                                               [(m * 255).astype(np.uint8)])])


def test_reseeding_mixed_pairs_reseeds_both_generators(one_photo_split):
    a, b = synth.MixedPairs(0.5, seed=0), synth.MixedPairs(0.5, seed=0)
    b.rng = np.random.default_rng([0, 1])  # what a data-loader worker does to its copy
    assert a.v1.rng.random() != b.v1.rng.random() and a.v2.rng.random() != b.v2.rng.random()


def test_mixed_pairs_turn_the_asked_share_of_v1_draws_into_no_cast_pairs(one_photo_split):
    def no_cast_share(v1_share, v1_none):
        mixed = synth.MixedPairs(v1_share, seed=3, v1_none=v1_none)
        pairs = [mixed.sample(32) for _ in range(300)]
        return np.mean([np.array_equal(comp, real) for comp, _, real in pairs])
    assert no_cast_share(1.0, 0.0) == 0.0  # v1 itself always casts
    assert 0.4 <= no_cast_share(1.0, 0.5) <= 0.6
    assert no_cast_share(0.0, 0.5) <= 0.25  # v2 draws keep v2's own share (synth.NONE_P)


def largest_hue_turn(deg, draws=60):
    """The largest hue rotation (degrees) the hue-sat family made over `draws` seeds at full strength."""
    img, m = photo()
    hue = lambda x: cv2.cvtColor(x, cv2.COLOR_RGB2HSV)[..., 0]  # noqa: E731
    turns = []
    for seed in range(draws):
        out = synth.hue_sat(img, m, 1.0, np.random.default_rng(seed), None, None, deg=deg)
        d = np.abs(hue(out) - hue(img))[m > 0]
        turns.append(np.median(np.minimum(d, 360 - d)))
    return max(turns)


def test_the_hue_sat_range_is_a_parameter_of_the_generator():
    assert largest_hue_turn(synth.HUE_DEG) <= synth.HUE_DEG + 1
    assert largest_hue_turn(120) > 80


def test_pairs_and_mixed_pairs_draw_hue_turns_up_to_their_range(one_photo_split):
    fams = synth.cast_families(hue_deg=120)
    for gen in (synth.Pairs(seed=0, families=fams), synth.MixedPairs(0.5, seed=0, families=fams).v2):
        assert gen.families["hue-sat"].keywords == {"deg": 120, "sat_up": synth.SAT_UP}
        assert gen.families["tone"].keywords == {"channel_gamma": synth.CHANNEL_GAMMA}
        knobs = ("hue-sat", "tone")
        assert {k: v for k, v in gen.families.items() if k not in knobs} == {
            k: v for k, v in synth.FAMILIES.items() if k not in knobs}


def largest_saturation_boost(sat_up, draws=80):
    """The largest factor (median over the object) by which the hue-sat family raised saturation at full strength."""
    img, m = photo()
    sat = lambda x: cv2.cvtColor(x, cv2.COLOR_RGB2HSV)[..., 1]  # noqa: E731
    keep = (m > 0) & (sat(img) > 0.05) & (sat(img) < 0.3)  # room to grow without clipping
    boosts = []
    for seed in range(draws):
        out = synth.hue_sat(img, m, 1.0, np.random.default_rng(seed), None, None, deg=0.0, sat_up=sat_up)
        boosts.append(np.median(sat(out)[keep] / sat(img)[keep]))
    return max(boosts)


def test_the_saturation_boost_is_a_parameter_of_the_generator():
    assert largest_saturation_boost(synth.SAT_UP) <= 2 ** synth.SAT_UP + 0.05
    assert largest_saturation_boost(1.5) > 2 ** 1.2


def test_train_pairs_carry_the_saturation_boost(one_photo_split):
    fams = synth.cast_families(sat_up=1.5)
    for gen in (synth.Pairs(seed=0, families=fams), synth.MixedPairs(0.5, seed=0, families=fams).v2):
        assert gen.families["hue-sat"].keywords == {"deg": synth.HUE_DEG, "sat_up": 1.5}


def channel_spread(channel_gamma, draws=60):
    """The median over draws of how far apart the tone family at full strength puts the channels of a grey object."""
    grey, m = np.full((8, 8, 3), 0.3, np.float32), np.ones((8, 8), np.float32)
    spreads = [np.ptp(synth.tone(grey, m, 1.0, np.random.default_rng(seed), None, None,
                                 channel_gamma=channel_gamma).mean((0, 1))) for seed in range(draws)]
    return float(np.median(spreads))


def test_the_per_channel_gamma_is_a_parameter_of_the_generator():
    assert channel_spread(0.0) < 0.05  # one gamma for all channels: only the per-channel curves tint grey
    assert channel_spread(0.8) > 0.1


def test_train_pairs_carry_the_per_channel_gamma(one_photo_split):
    fams = synth.cast_families(channel_gamma=0.8)
    for gen in (synth.Pairs(seed=0, families=fams), synth.MixedPairs(0.5, seed=0, families=fams).v2):
        assert gen.families["tone"].keywords == {"channel_gamma": 0.8}


def test_soften_detail_blurs_composite_and_target_alike_and_keeps_their_colours():
    img, m = photo(size=96)
    comp, target, _ = synth.make_pair(img, m, np.random.default_rng(2), photo(1, 96)[0], None)
    sc, st = synth.soften_detail(comp, target, np.random.default_rng(0), lo=0.4)
    sharpness = lambda x: np.abs(np.diff(x, axis=1)).mean()  # noqa: E731
    assert sc.shape == comp.shape and sc.dtype == np.float32
    assert sharpness(sc) < 0.8 * sharpness(comp) and sharpness(st) < 0.8 * sharpness(target)
    for before, after in ((comp, sc), (target, st)):  # the colours to reach do not move
        assert np.abs(after[m > 0].mean(0) - before[m > 0].mean(0)).max() < 0.01
    # the same resampling for both: where the composite equals the target (the background), so do the softened ones
    inner_bg = cv2.erode((m == 0).astype(np.uint8), np.ones((9, 9), np.uint8)) > 0
    assert np.allclose(sc[inner_bg], st[inner_bg], atol=1e-5)


def test_pairs_soften_the_asked_share_and_crop_down_to_the_asked_zoom(one_photo_split):
    def drawn(**kw):
        gen = synth.Pairs(seed=0, **kw)
        return [gen.sample(48) for _ in range(200)]
    sharpness = lambda x: np.abs(np.diff(x, axis=1)).mean()  # noqa: E731
    plain = np.median([sharpness(real) for _, _, real in drawn()])
    soft = np.array([sharpness(real) for _, _, real in drawn(soften_p=0.5)])
    assert 0.3 < (soft < 0.7 * plain).mean() < 0.7
    # the object is 28x28 of a 96x96 photo: a crop of 0.3 of the short side (29 px) can be nearly all object
    biggest = lambda pairs: max(mask.mean() for _, mask, _ in pairs)  # noqa: E731
    assert biggest(drawn()) < 0.5 < biggest(drawn(zoom=(0.3, 0.4)))


def test_crops_are_enlarged_smoothly_not_in_blocks():
    img = np.zeros((64, 64, 3), np.uint8)
    img[:, 32:] = 255
    mask = np.zeros((64, 64), np.uint8)
    mask[20:40, 20:40] = 255
    out, _ = data.random_crop(img, mask, 128, np.random.default_rng(0), zoom=(0.5, 0.5))
    row = out[out.shape[0] // 2, :, 0]
    assert ((row > 0.05) & (row < 0.95)).sum() >= 2  # an edge enlarged 4x gets in-between values


def test_feather_edge_fades_the_cast_across_the_edge_only():
    img, m = photo(size=96)
    target = img
    comp = synth.compose(np.clip(img * np.float32([1.4, 1.0, 0.6]), 0, 1), img, m)
    out = synth.feather_edge(comp, target, m, np.random.default_rng(0), sigma=(1.0, 1.0))
    inner = cv2.erode(m.astype(np.uint8), np.ones((9, 9), np.uint8)) > 0
    edge = (m > 0) & ~(cv2.erode(m.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0)
    assert out.dtype == np.float32 and np.allclose(out[inner], comp[inner], atol=1e-4)  # deep inside: the whole cast
    assert np.array_equal(out[m == 0], target[m == 0])  # outside: the background, untouched
    share = np.abs(out[edge] - target[edge]).sum() / np.abs(comp[edge] - target[edge]).sum()
    assert 0.3 < share < 0.8  # on the edge: part of the cast


def test_pairs_feather_the_asked_share(one_photo_split):
    def edge_step(pairs):  # the composite's mean change from the target on the object's outermost pixels
        out = []
        for comp, mask, real in pairs:
            ring = (mask > 0) & ~(cv2.erode(mask.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0)
            inner = cv2.erode(mask.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
            if ring.any() and inner.any():
                d = np.abs(comp - real).sum(2)
                if d[inner].mean() > 0.02:
                    out.append(d[ring].mean() / d[inner].mean())
        return np.array(out)
    plain = edge_step([synth.Pairs(seed=0).sample(48) for _ in range(150)])
    feathered = edge_step([synth.Pairs(seed=0, feather_p=1.0).sample(48) for _ in range(150)])
    assert np.median(feathered) < 0.8 * np.median(plain)


def test_pairs_draw_collections_by_their_weights(monkeypatch):
    img, m = photo(size=96)
    u8, mask = (img * 255).astype(np.uint8), (m * 255).astype(np.uint8)
    ids = [f"labelme/{i}" for i in range(8)] + ["bsds/0", "bsds/1", "davis/0"]
    monkeypatch.setattr(data, "load_split", lambda split: [(i, u8, [mask]) for i in ids])
    seen = []
    monkeypatch.setattr(data, "random_crop", lambda im, mk, size, rng, zoom: (seen.append(None) or im[:size, :size]
                                                                              .astype(np.float32) / 255, mk[:size, :size] / 255.0))

    def drawn_shares(weights, n=3000):
        pairs = synth.Pairs(seed=5, source_weights=weights, global_aug=0.0)
        picks = pairs.rng.choice(len(pairs.items), size=n, p=pairs.photo_p) if pairs.photo_p is not None else None
        counts = collections.Counter(data.photo_source(pairs.items[i][0]) for i in picks) if picks is not None else None
        return pairs, counts

    uniform, none = drawn_shares(None)
    assert none is None and uniform.photo_p is None
    _, counts = drawn_shares({"bsds": 4.0, "davis": 4.0})  # 8 : 8 : 4 per collection
    assert 0.33 <= counts["bsds"] / 3000 <= 0.47 and 0.33 <= counts["labelme"] / 3000 <= 0.47
    assert 0.13 <= counts["davis"] / 3000 <= 0.27
    _, only = drawn_shares({"labelme": 0.0})
    assert set(only) == {"bsds", "davis"}
    comp, mk, real = synth.Pairs(seed=1, source_weights={"bsds": 3.0}).sample(32)
    assert comp.shape == real.shape == (32, 32, 3) and seen
    with pytest.raises(ValueError):
        data.photo_probabilities(ids, {"labelme": 0.0, "bsds": 0.0, "davis": 0.0})


def test_source_weights_parse_from_the_command_line():
    from training import train
    assert train.parse_weights("bsds=3, davis=2.5") == {"bsds": 3.0, "davis": 2.5}
    with pytest.raises(Exception):
        train.parse_weights("bsds:3")


def test_pairs_leave_the_asked_share_without_a_cast(one_photo_split):
    def no_cast_share(none_p):
        pairs = synth.Pairs(seed=6, none_p=none_p)
        return np.mean([np.array_equal(comp, real) for comp, _, real in (pairs.sample(32) for _ in range(400))])
    assert 0.07 <= no_cast_share(synth.NONE_P) <= 0.18
    assert 0.3 <= no_cast_share(0.4) <= 0.5
    assert no_cast_share(0.0) <= 0.02  # a cast may still round to nothing on a flat crop


def test_relit_share_follows_relight_p():
    img, m = photo()
    donor, _ = photo(1)

    def relit_share(relight_p):
        rng = np.random.default_rng(9)
        kinds = [synth.make_pair(img, m, rng, donor, None, relight_p=relight_p)[2] for _ in range(300)]
        return np.mean([k == "relight" for k in kinds])
    assert 0.22 <= relit_share(synth.RELIGHT_P) <= 0.38
    assert 0.04 <= relit_share(0.1) <= 0.17
    assert relit_share(0.0) == 0.0


def tiles(size=96):
    """A uint8 photo of four flat, differently coloured quadrants with a little noise."""
    rng = np.random.default_rng(2)
    img = np.zeros((size, size, 3), np.float64)
    h = size // 2
    for (y, x), c in zip([(0, 0), (0, h), (h, 0), (h, h)], [(200, 40, 40), (40, 180, 60), (30, 30, 160), (220, 220, 90)]):
        img[y:y + h, x:x + h] = c
    return (img + rng.normal(0, 3, img.shape)).clip(0, 255).astype(np.uint8)


def test_region_masks_follow_the_photos_edges_and_cover_the_asked_share():
    img = tiles()
    within_one = 0
    for seed in range(20):
        m = data.region_mask(img, np.random.default_rng(seed)) > 127
        share = m.mean()
        assert 0.04 <= share <= 0.55
        # a region grows inside a flat quadrant and stops at its edges (the 3x3 dilation may cross by a pixel)
        cores = [m[y + 2:y + 46, x + 2:x + 46].any() for y in (0, 48) for x in (0, 48)]
        within_one += sum(cores) == 1
    assert within_one >= 16
    a, b = (data.region_mask(img, np.random.default_rng(7)) for _ in range(2))
    assert np.array_equal(a, b)


def test_pairs_use_region_masks_for_the_asked_share(one_photo_split):
    object_mask = data.load_split("train")[0][2][0]

    def region_share(region_p):
        pairs = synth.Pairs(seed=4, region_p=region_p, global_aug=0.0, zoom=(1.0, 1.0))
        masks = [pairs.crop(96)[1] for _ in range(200)]
        return np.mean([not (np.array_equal(m, object_mask > 127) or np.array_equal(m, (object_mask > 127)[:, ::-1]))
                        for m in masks])
    assert region_share(0.0) == 0.0
    assert 0.15 <= region_share(0.25) <= 0.35


def test_pairs_recolour_the_whole_photo_for_the_asked_share(one_photo_split):
    photo_u8 = data.load_split("train")[0][1]
    plain = photo_u8.astype(np.float32) / 255.0

    def recoloured_share(global_aug):
        pairs = synth.Pairs(seed=4, global_aug=global_aug, zoom=(1.0, 1.0))
        crops = [pairs.crop(96)[0] for _ in range(200)]
        return np.mean([min(np.abs(c - plain).max(), np.abs(c - plain[:, ::-1]).max()) > 2 / 255 for c in crops])
    assert recoloured_share(0.0) == 0.0
    assert 0.8 <= recoloured_share(0.9) <= 0.97
