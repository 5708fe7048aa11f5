"""Behaviour of the two-light-zone scenes, placement pairs and K-effect measure (scenes.py) on tiny synthetic photos."""

import numpy as np
import pytest

from training import scenes

SIZE = 64


def synth_photos(n=6, size=64, seed=1):
    """Mid-grey-ish noisy photos with a small elliptical object of its own colour (no clipping under the lights)."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[:size, :size] / size
    photos = []
    for i in range(n):
        img = rng.uniform(70, 140, 3) + rng.normal(0, 8, (size, size, 3))
        (cy, cx), (ry, rx) = rng.uniform(0.25, 0.75, 2), rng.uniform(0.1, 0.2, 2)
        m = ((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1
        img[m] = rng.uniform(60, 150, 3) + rng.normal(0, 8, (m.sum(), 3))
        photos.append((f"syn/{i}", np.clip(img, 0, 255).astype(np.uint8), [m.astype(np.uint8) * 255]))
    return photos


@pytest.fixture(scope="module")
def photos():
    return synth_photos()


@pytest.fixture(scope="module")
def zones(photos):
    return scenes.two_zone(photos, size=SIZE, per_photo=3)


@pytest.fixture(scope="module")
def pairs(photos):
    return scenes.placement(photos, size=SIZE)


def ring(m, r=3):
    """m grown by r pixels in the four axis directions."""
    p = np.pad(m, r)
    return p[:-2 * r, r:-r] | p[2 * r:, r:-r] | p[r:-r, :-2 * r] | p[r:-r, 2 * r:]


def identity(comp, mask, k):
    return comp


def test_two_zone_object_lies_mostly_in_one_zone(zones):
    assert len(zones["comp"]) >= 12 and set(zones["zone_of_object"]) == {"dim", "bright"}
    for zmap, mask, zone, share in zip(zones["zone_map"], zones["mask"], zones["zone_of_object"],
                                       zones["object_zone_share"]):
        own = zmap if zone == "bright" else 255 - zmap
        assert share >= 0.95 and (own[mask > 127] == 255).mean() >= 0.95
        assert (own[mask == 0] == 0).mean() >= 0.15  # the other zone is really there


def test_two_zone_composite_object_has_the_other_light(zones):
    for comp, real, mask, zone in zip(zones["comp"], zones["real"], zones["mask"], zones["zone_of_object"]):
        fg, bg = mask > 127, mask == 0
        assert np.array_equal(comp[bg], real[bg])
        gap = scenes.luma(comp[fg]).mean() - scenes.luma(real[fg]).mean()
        assert (gap > 10) if zone == "dim" else (gap < -10)  # a dim-zone object is shown too bright, and vice versa
        warmth = lambda img: (img[fg][:, 0].astype(float) - img[fg][:, 2]).mean()  # noqa: E731  (R - B)
        assert (warmth(comp) < warmth(real)) if zone == "dim" else (warmth(comp) > warmth(real))  # other tint


def test_two_zone_deterministic(photos, zones):
    again = scenes.two_zone(photos, size=SIZE, per_photo=3)
    assert all(np.array_equal(zones[k], again[k]) for k in zones)


def test_placement_pairs_paste_the_same_object_into_each_zone(pairs):
    assert len(pairs) >= 4
    for p in pairs:
        md, mb = p["mask_dim"] > 127, p["mask_bright"] > 127
        assert md.sum() == mb.sum() and 0.08 <= md.mean() <= 0.22 and not (md & mb).any()
        assert np.array_equal(p["comp_dim"][~md], p["background"][~md])
        assert np.array_equal(p["comp_bright"][~mb], p["background"][~mb])
        assert np.array_equal(np.sort(p["comp_dim"][md], 0), np.sort(p["comp_bright"][mb], 0))  # same pixels
        assert p["bg_luma_bright"] > p["bg_luma_dim"] + 10
        # the dim placement sits in darker surroundings than the bright one
        around_d, around_b = ring(md) & ~md & ~mb, ring(mb) & ~mb & ~md
        assert scenes.luma(p["background"][around_b]).mean() > scenes.luma(p["background"][around_d]).mean()


def test_placement_ratio_one_for_full_gap_and_zero_for_identity():
    bg_d, bg_b = 60.0, 140.0
    mask = np.zeros((8, 8), np.uint8)
    mask[2:6, 2:6] = 255
    dim, bright = np.full((8, 8, 3), bg_d), np.full((8, 8, 3), bg_b)  # object takes its zone's grey exactly
    assert scenes.placement_ratio(dim, mask, bright, mask, bg_d, bg_b) == pytest.approx(1.0)
    assert scenes.placement_ratio(dim, mask, bright, mask, bg_d, bg_b, log=True) == pytest.approx(1.0)
    same = np.full((8, 8, 3), 90.0)
    assert scenes.placement_ratio(same, mask, same, mask, bg_d, bg_b) == 0.0


def test_placement_ratio_on_pairs_perfect_relighter_and_identity(pairs):
    for p in pairs:
        args = (p["mask_dim"], p["mask_bright"], p["bg_luma_dim"], p["bg_luma_bright"])
        perfect = scenes.placement_ratio(p["ideal_dim"], args[0], p["ideal_bright"], args[1], *args[2:], log=True)
        still = scenes.placement_ratio(p["comp_dim"], args[0], p["comp_bright"], args[1], *args[2:])
        assert perfect == pytest.approx(1.0, abs=0.1) and still == pytest.approx(0.0, abs=1e-9)


def test_k_effect():
    rng = np.random.default_rng(0)
    out = rng.integers(0, 256, (2, 8, 8, 3)).astype(np.uint8)
    mask = np.zeros((2, 8, 8), np.uint8)
    mask[:, 2:5, 2:5] = 255
    assert scenes.k_effect(out, out, mask) == {"mean": 0.0, "max": 0.0}
    other = out.astype(int)
    other[:, 3, 3, 0] += 9  # inside the mask
    other[:, 0, 0] += 50  # outside: ignored
    e = scenes.k_effect(out, other, mask)
    assert e["max"] == 9 and e["mean"] == pytest.approx(9 / (9 * 3))


def test_evaluate_scenes_identity_and_k_sensitive_predictor(zones, pairs):
    res = scenes.evaluate_scenes(identity, zones, pairs, batch=5)
    tz, pl = res["two_zone"], res["placement"]
    assert tz["mse_k1"] == pytest.approx(tz["comp_mse"]) and tz["mse_k9"] == pytest.approx(tz["comp_mse"])
    assert tz["k_effect_mean"] == 0 and tz["k_effect_max"] == 0
    assert pl["ratio_k1_mean"] == 0 and len(pl["ratio_k9"]) == len(pairs)
    assert pl["ideal_log_ratio_mean"] == pytest.approx(1.0, abs=0.1)

    def k_dependent(comp, mask, k):
        return np.clip(comp + (k - 1) / 255.0 * mask, 0, 1)  # K=9 adds 8 levels inside the mask

    tz = scenes.evaluate_scenes(k_dependent, zones, None)["two_zone"]
    assert tz["k_effect_max"] == 8 and 7 < tz["k_effect_mean"] <= 8
