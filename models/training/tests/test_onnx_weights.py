"""Float16 weight storage: the file shrinks, computes what the rounded PyTorch model computes, and gives the
weights back for resuming training."""
import os

import numpy as np
import onnx
import pytest
import torch

from training import export
from training import hdnet
from training import onnx_weights
from helpers import randomised_lite


def test_fp16_storage_halves_the_file_and_keeps_the_contract(tmp_path):
    model = onnx_weights.round_weights_to_fp16_(randomised_lite())
    p32, p16 = str(tmp_path / "w32.onnx"), str(tmp_path / "w16.onnx")
    export.export_hdnet(model, "hdnet-lite", p32, "test", "none")
    export.export_hdnet(model, "hdnet-lite", p16, "test", "none", fp16_weights=True)
    assert os.path.getsize(p16) < 0.6 * os.path.getsize(p32)
    m = onnx.load(p16)
    onnx.checker.check_model(m)
    assert [i.name for i in m.graph.input] == ["composite", "mask", "k"]
    assert {p.key: p.value for p in m.metadata_props}["weights"] == "float16"
    assert any(i.data_type == onnx.TensorProto.FLOAT16 for i in m.graph.initializer)


def test_fp16_file_computes_the_rounded_model_exactly(tmp_path):
    reference = pytest.importorskip("onnx.reference")
    model = onnx_weights.round_weights_to_fp16_(randomised_lite())
    path = str(tmp_path / "w16.onnx")
    export.export_hdnet(model, "hdnet-lite", path, "test", "none", fp16_weights=True)
    c, m = export.parity_input()
    out = reference.ReferenceEvaluator(path).run(None, {"composite": c.numpy(), "mask": m.numpy(),
                                                        "k": np.array([3], np.int64)})[0]
    with torch.no_grad():
        ref = model(c, m, torch.tensor([3]))[0].numpy()
    assert np.abs(out - ref).max() < 1e-4


def test_weights_come_back_from_the_file(tmp_path):
    model = onnx_weights.round_weights_to_fp16_(randomised_lite())
    path = str(tmp_path / "w16.onnx")
    export.export_hdnet(model, "hdnet-lite", path, "test", "none", fp16_weights=True)
    back = onnx_weights.state_dict_from_onnx(path, hdnet.build("hdnet-lite"))
    for k, v in model.state_dict().items():
        assert torch.equal(back[k], v), k


def test_a_file_of_another_model_is_refused(tmp_path):
    path = str(tmp_path / "lite.onnx")
    export.export_hdnet(randomised_lite(), "hdnet-lite", path, "test", "none")
    with pytest.raises(ValueError, match="another shape"):
        onnx_weights.state_dict_from_onnx(path, hdnet.build("hdnet"))
