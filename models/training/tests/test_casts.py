"""casts.py measures a composite's foreground cast against its real photo and ranks it within a reference set."""
import numpy as np

from training import casts


def pair(shift=0, fg=(8, 24)):
    rng = np.random.default_rng(0)
    real = rng.integers(60, 180, (32, 32, 3)).astype(np.uint8)
    mask = np.zeros((32, 32), np.uint8)
    mask[fg[0]:fg[1], fg[0]:fg[1]] = 255
    comp = real.copy()
    comp[mask > 127] = np.clip(comp[mask > 127].astype(int) + shift, 0, 255).astype(np.uint8)
    return comp, real, mask


def test_an_untouched_composite_has_no_cast_and_unit_spread():
    s = casts.cast_stats(*pair(0))
    assert abs(s["cast"]) < 1e-6 and all(abs(s[k] - 1) < 1e-6 for k in ("sdL", "sda", "sdb"))
    assert s["fg"] == 0.25


def test_a_brighter_foreground_shows_as_positive_lightness_shift():
    s = casts.cast_stats(*pair(40))
    assert s["dL"] > 10 and s["cast"] >= s["dL"]


def test_an_empty_foreground_is_skipped():
    comp, real, mask = pair(40)
    assert casts.cast_stats(comp, real, np.zeros_like(mask)) is None


def test_compare_ranks_a_triplet_inside_and_flags_the_tails():
    ref = {str(i): casts.cast_stats(*pair(i)) for i in range(0, 40, 2)}
    res = casts.compare({"mild": casts.cast_stats(*pair(20)), "extreme": casts.cast_stats(*pair(90))}, ref)
    assert 40 <= res["triplets"]["mild"]["rank"]["dL"] <= 60
    assert res["triplets"]["extreme"]["rank"]["dL"] == 100 and "dL" in res["triplets"]["extreme"]["outside_5_95"]
    assert res["val_n"] == 20 and res["val_percentiles"]["dL"]["p5"] <= res["val_percentiles"]["dL"]["p95"]
