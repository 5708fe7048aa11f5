"""S2CRNet curves, metrics, and ONNX export (checker, contract names, metadata, manifest, parity files)."""
import json
import os

import numpy as np
import onnx
import torch

from training import export
from training import hdnet
from training import metrics
from training import s2crnet


def test_curves_monotone_in_unit_range_and_applied_to_foreground_only():
    torch.manual_seed(0)
    model = s2crnet.S2CRNet().eval()
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.3)
        comp = torch.rand(2, 3, 64, 64)
        mask = torch.zeros(2, 1, 64, 64)
        mask[:, :, 10:40, 20:50] = 1
        out, cv = s2crnet.harmonize(model, comp, mask)
    assert cv.shape == (2, 3, s2crnet.CURVE_POINTS)
    assert torch.all(cv[:, :, 1:] - cv[:, :, :-1] >= -1e-7)
    assert float(cv.min()) >= 0 and float(cv.max()) <= 1
    outside = mask.expand_as(comp) == 0
    assert torch.equal(out[outside], comp[outside])


def test_apply_identity_curve():
    L = 32
    ident = torch.linspace(0, 1, L).reshape(1, 1, L).repeat(1, 3, 1)
    img = torch.rand(1, 3, 8, 8)
    assert torch.allclose(s2crnet.apply_curves(img, ident), img, atol=1e-6)


def test_metrics_protocol():
    real = torch.zeros(1, 3, 4, 4)
    pred = real.clone()
    mask = torch.zeros(1, 1, 4, 4)
    mask[:, :, :2, :2] = 1
    pred[:, :, :2, :2] = 10 / 255.0  # error 10 on 4 fg pixels x 3 channels
    d = metrics.per_image(pred, real, mask)
    assert abs(d["mse"][0] - 100 * 12 / 48) < 1e-4
    assert abs(d["fmse"][0] - 100) < 1e-4
    assert abs(d["psnr"][0] - 10 * np.log10(255 ** 2 / 25)) < 1e-4


def test_hdnet_lite_export_contract(tmp_path):
    torch.manual_seed(0)
    model = hdnet.build("hdnet-lite").eval()
    path = str(tmp_path / "lite.onnx")
    export.export_hdnet(model, "hdnet-lite", path, "test", "none")
    m = onnx.load(path)
    onnx.checker.check_model(m)
    assert [i.name for i in m.graph.input] == ["composite", "mask", "k"]
    assert m.graph.input[2].type.tensor_type.elem_type == onnx.TensorProto.INT64
    assert [o.name for o in m.graph.output] == ["harmonized", "knn_index", "knn_weight"]
    assert m.graph.output[1].type.tensor_type.elem_type == onnx.TensorProto.INT64
    dims = [d.dim_param or d.dim_value for d in m.graph.input[0].type.tensor_type.shape.dim]
    assert dims[0] == 1 and dims[1] == 3 and isinstance(dims[2], str) and isinstance(dims[3], str)
    assert {p.key for p in m.metadata_props} >= {"name", "version", "training_data", "architecture", "params"}
    assert m.opset_import[0].version == 17
    assert "TopK" in {n.op_type for n in m.graph.node}


def test_s2crnet_export_contract(tmp_path):
    model = s2crnet.S2CRNet().eval()
    path = str(tmp_path / "s2.onnx")
    export.export_s2crnet(model, path, "test", "none")
    m = onnx.load(path)
    onnx.checker.check_model(m)
    assert [i.name for i in m.graph.input] == ["composite", "mask"]
    assert [o.name for o in m.graph.output] == ["curves"]
    props = {p.key: p.value for p in m.metadata_props}
    assert props["curve_points"] == str(s2crnet.CURVE_POINTS)


def test_committed_manifest_matches_files():
    root = export.MODELS_DIR
    path = os.path.join(root, "models.json")
    if not os.path.exists(path):
        return
    with open(path) as f:
        man = json.load(f)
    for e in man["models"]:
        assert e["type"] in ("hdnet", "s2crnet")
        f = os.path.join(root, e["file"])
        assert os.path.exists(f), f
        assert export.sha256(f) == e["sha256"], e["id"]
        pdir = os.path.join(root, "parity", e["id"])
        meta = json.load(open(os.path.join(pdir, "meta.json")))
        n = meta["height"] * meta["width"]
        assert os.path.getsize(os.path.join(pdir, "composite.f32")) == 3 * n * 4
        assert os.path.getsize(os.path.join(pdir, "mask.f32")) == n * 4
        if e["type"] == "hdnet":
            for k in meta["ks"]:
                assert os.path.getsize(os.path.join(pdir, f"harmonized_k{k}.f32")) == 3 * n * 4
