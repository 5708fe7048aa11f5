"""evaluate.by_cast groups images by the composite's own cast and counts the ones a method made worse."""
import numpy as np

from training import evaluate


def test_buckets_by_composite_fmse_and_counts_images_made_worse():
    d = {"comp_fmse": np.array([100.0, 200.0, 500.0, 5000.0]), "fmse": np.array([150.0, 50.0, 400.0, 300.0])}
    out = evaluate.by_cast(d)
    assert out["mild (<300)"] == {"n": 2, "fmse": 100.0, "composite_fmse": 150.0, "worse_share": 0.5}
    assert out["medium (300-1200)"]["worse_share"] == 0.0 and out["strong (>=1200)"]["n"] == 1


def test_the_composite_itself_is_never_worse_than_itself():
    f = np.array([10.0, 400.0, 2000.0])
    assert all(b["worse_share"] == 0.0 for b in evaluate.by_cast({"comp_fmse": f, "fmse": f.copy()}).values())
