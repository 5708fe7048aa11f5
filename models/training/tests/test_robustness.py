"""The robustness sets: softening keeps colours and shapes, loses detail, and treats composite and target alike."""
import numpy as np

from training import robustness


def checkerboard(size=32, dtype=np.uint8):
    yy, xx = np.mgrid[0:size, 0:size]
    img = np.stack([((yy + xx) % 2) * 200 + 20, np.full((size, size), 90), (yy % 2) * 100 + 50], 2)
    return img.astype(dtype) if dtype == np.uint8 else (img / 255.0).astype(dtype)


def test_soften_loses_detail_but_keeps_size_type_and_mean_colour():
    for dtype in (np.uint8, np.float32):
        img = checkerboard(dtype=dtype)
        out = robustness.soften(img, 0.5)
        assert out.shape == img.shape and out.dtype == img.dtype
        detail = lambda x: np.abs(np.diff(x.astype(np.float64), axis=1)).mean()  # noqa: E731
        assert detail(out) < 0.2 * detail(img)
        scale = 255.0 if dtype == np.uint8 else 1.0
        assert np.abs(out.mean((0, 1)) - img.mean((0, 1))).max() / scale < 0.02
    assert np.array_equal(robustness.soften(checkerboard(), 1.0), checkerboard())


def test_softened_indep_softens_composites_and_targets_alike_and_keeps_the_rest():
    comp, real = checkerboard(), checkerboard()[:, ::-1].copy()
    ind = {"comp": np.stack([comp, real]), "real": np.stack([real, real]), "mask": np.zeros((2, 32, 32), np.uint8),
           "family": np.array(["tone", "none"])}
    soft = robustness.softened_indep(ind, 0.5)
    assert np.array_equal(soft["comp"][1], soft["real"][1])  # a no-cast pair stays a no-cast pair
    assert not np.array_equal(soft["comp"][0], comp)
    assert soft["mask"] is ind["mask"] and soft["family"] is ind["family"]
    assert np.array_equal(ind["comp"][0], comp)  # the original set is untouched
