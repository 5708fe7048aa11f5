"""The independent set made large (native.py): written and read back it is indep.build's set, and it scores what the
harmonizer wrote."""
import os

import cv2
import numpy as np
import pytest

from training import indep
from training import native
from training.tests.test_indep import synth_photos

SIZE = 96


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("native"))
    ds = native.build(synth_photos(n=4, size=48), SIZE)
    native.write_set(ds, folder)
    return ds, folder


def test_the_set_is_made_at_the_size_with_a_hard_edge_and_indep_families(written):
    ds, _ = written
    small = indep.build(synth_photos(n=4, size=48), size=48, per_photo=2)
    assert ds["comp"].shape[1:] == (SIZE, SIZE, 3)
    assert list(ds["family"]) == list(small["family"])  # the same seeds draw the same casts
    changed = np.abs(ds["comp"].astype(int) - ds["real"]).sum(-1) > 0
    assert not changed[ds["mask"] == 0].any()  # the cast stops exactly at the mask


def test_read_back_at_the_scoring_size_with_meta(written):
    ds, folder = written
    back = native.read_set(folder)
    assert back["comp"].shape == (len(ds["comp"]), native.SCORE_SIZE, native.SCORE_SIZE, 3)
    assert set(np.unique(back["mask"])) <= {0, 255}
    assert list(back["family"]) == list(ds["family"]) and list(back["strength_bin"]) == list(ds["strength_bin"])
    big = cv2.resize(ds["real"][0], (native.SCORE_SIZE,) * 2, interpolation=cv2.INTER_AREA)
    assert np.abs(back["real"][0].astype(int) - big).max() <= 1


def write_outputs(folder, names, images):
    for n, img in zip(names, images):
        cv2.imwrite(os.path.join(folder, f"{n}_out.png"), img[..., ::-1])


def test_scores_the_harmonizer_outputs(written, tmp_path):
    ds, folder = written
    back = native.read_set(folder)
    write_outputs(str(tmp_path), back["names"], ds["comp"])  # a harmonizer that changes nothing
    s = native.score(back, str(tmp_path))["summary"]
    assert s["worse_share"] == 0 and s["mse"] == pytest.approx(s["comp_mse"])
    write_outputs(str(tmp_path), back["names"], ds["real"])  # a perfect one
    s = native.score(back, str(tmp_path))["summary"]
    assert s["mse"] == 0 and s["worse_share"] == 0
    write_outputs(str(tmp_path), back["names"], np.clip(ds["comp"].astype(int) + 40, 0, 255).astype(np.uint8))
    s = native.score(back, str(tmp_path))["summary"]  # one that brightens the whole picture
    assert s["mse"] > s["comp_mse"] + 1000 and s["worse_share"] > 0.5
