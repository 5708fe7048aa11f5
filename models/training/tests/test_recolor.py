"""Re-colouring: composites differ from the photo only inside the mask, and softened ones carry a fraction of the cast."""
import numpy as np

from training import data


def photo(seed=0, size=48):
    rng = np.random.default_rng(seed)
    img = rng.random((size, size, 3)).astype(np.float32) * 0.6 + 0.2
    m = np.zeros((size, size), np.float32)
    m[10:30, 12:36] = 1
    return img, m


def test_recolor_changes_the_foreground_and_leaves_the_background_bit_exact():
    img, m = photo()
    donor, _ = photo(seed=1)
    comp = data.recolor(img, m, np.random.default_rng(3), donor)
    assert np.array_equal(comp[m == 0], img[m == 0])
    assert np.abs(comp - img)[m == 1].mean() > 0.02


def test_soften_keeps_between_none_and_half_of_the_cast_in_the_same_direction():
    img, m = photo()
    donor, _ = photo(seed=1)
    comp = data.recolor(img, m, np.random.default_rng(3), donor)
    cast = comp - img
    for seed in range(20):
        soft = data.soften(comp, img, np.random.default_rng(seed))
        part = soft - img
        t = (part * cast).sum() / (cast * cast).sum()
        assert 0.0 <= t <= 0.5 and np.allclose(part, t * cast, atol=1e-5)
        assert np.array_equal(soft[m == 0], img[m == 0]) and soft.dtype == np.float32
