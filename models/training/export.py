"""ONNX export (opset 17, dynamic H/W), manifest (models/models.json) and parity fixtures (models/parity/<id>/).

Usage:
  python3 export.py --model hdnet-lite [--checkpoint runs/hdnet-lite/ckpt.pt] [--version 1.0.0] [--random]
  python3 export.py --model s2crnet    [--checkpoint runs/s2crnet/ckpt.pt]
"""
import argparse
import hashlib
import json
import os
import tempfile

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
from . import checkpoints
from . import hdnet
from . import onnx_layout
from . import onnx_weights
from . import s2crnet

MODELS_DIR = os.path.normpath(os.path.join(HERE, ".."))
OPSET = 17
PARITY_H, PARITY_W = 64, 96
PARITY_KS = [1, 5]
TRIPLET = "/work/shared/data/eval/triplets/rainnet1"  # MIT-licensed; only used to make the parity input


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def atomic_write_bytes(path, data):
    d = os.path.dirname(path) or "."
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def load_model(name, checkpoint=None):
    """(model in eval mode, its counters) of the named variant: trained weights from a checkpoint, or untrained."""
    if not checkpoint:
        return checkpoints.build(name).eval(), {}
    model, ck = checkpoints.load_model(checkpoint, name)
    return model, {k: ck.get(k) for k in ("step", "images_seen", "wall_s")}


def parity_input(h=PARITY_H, w=PARITY_W):
    """Deterministic small input: the MIT rainnet1 composite resized (or a synthetic pattern if absent)."""
    try:
        import cv2
        comp = cv2.imread(TRIPLET + "_comp.png")[:, :, ::-1]
        mask = cv2.imread(TRIPLET + "_mask.png", cv2.IMREAD_GRAYSCALE)
        comp = cv2.resize(comp, (w, h), interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
        mask = (cv2.resize(mask, (w, h), interpolation=cv2.INTER_AREA) > 127).astype(np.float32)
    except Exception:
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        comp = np.stack([xx / w, yy / h, 0.5 + 0.4 * np.sin(xx / 7)], 2).astype(np.float32)
        mask = (((yy - h / 2) / (h / 3)) ** 2 + ((xx - w / 2) / (w / 4)) ** 2 < 1).astype(np.float32)
    c = torch.from_numpy(np.ascontiguousarray(comp.transpose(2, 0, 1)))[None]
    m = torch.from_numpy(mask)[None, None]
    return c, m


def write_f32(path, t):
    atomic_write_bytes(path, np.ascontiguousarray(t.detach().cpu().numpy().astype("<f4")).tobytes())


def metadata(onnx_model, props):
    del onnx_model.metadata_props[:]
    for k, v in props.items():
        e = onnx_model.metadata_props.add()
        e.key, e.value = k, str(v)


def export_hdnet(model, name, path, version, training_data, fp16_weights=False):
    import onnx
    c = torch.rand(1, 3, 64, 64)
    m = torch.zeros(1, 1, 64, 64)
    m[:, :, 16:48, 20:52] = 1
    k = torch.tensor([5], dtype=torch.int64)
    tmp = path + ".tmp"
    with torch.no_grad():
        torch.onnx.export(model, (c, m, k), tmp, opset_version=OPSET, input_names=["composite", "mask", "k"],
                          output_names=["harmonized", "knn_index", "knn_weight"],
                          dynamic_axes={"composite": {2: "H", 3: "W"}, "mask": {2: "H", 3: "W"},
                                        "harmonized": {2: "H", 3: "W"}, "knn_index": {1: "N", 2: "k"},
                                        "knn_weight": {1: "N", 2: "k"}}, do_constant_folding=True)
    om = onnx.load(tmp)
    arch = (f"HDNet U-Net width {model.width}, 3 downsamplings, {model.n_res} res blocks at 1/8, "
            f"LD={'on' if model.use_ld else 'off'} (cosine fg x bg top-K), MGD={'on' if model.use_mgd else 'off'}, "
            f"region-aware norm, " + ("tanh output" if model.head == "pixel" else
                                      "per-pixel colour transform output (alpha x statistics transfer + affine)")
            + (", LD position term + light reference into the decoder" if model.light_ref else ""))
    metadata(om, {"name": name, "version": version, "training_data": training_data, "architecture": arch,
                  "params": hdnet.n_params(model), "weights": "float16" if fp16_weights else "float32"})
    onnx_layout.reorder_before_upsample(om)
    if fp16_weights:
        onnx_weights.store_initializers_fp16(om)
    onnx.checker.check_model(om)
    onnx.save(om, tmp)
    os.replace(tmp, path)
    return arch


def export_s2crnet(model, path, version, training_data):
    import onnx
    c = torch.rand(1, 3, 256, 256)
    m = torch.zeros(1, 1, 256, 256)
    m[:, :, 64:192, 64:192] = 1
    tmp = path + ".tmp"
    with torch.no_grad():
        torch.onnx.export(model, (c, m), tmp, opset_version=OPSET, input_names=["composite", "mask"],
                          output_names=["curves"],
                          dynamic_axes={"composite": {2: "h", 3: "w"}, "mask": {2: "h", 3: "w"}},
                          do_constant_folding=True)
    om = onnx.load(tmp)
    arch = (f"S2CRNet: two light conv encoders (fg / bg thumbnails, masked pooling) + region colour stats, "
            f"MLP -> {model.points}-point monotone per-channel curves")
    metadata(om, {"name": "s2crnet", "version": version, "training_data": training_data, "architecture": arch,
                  "params": s2crnet.n_params(model), "curve_points": model.points})
    onnx.checker.check_model(om)
    onnx.save(om, tmp)
    os.replace(tmp, path)
    return arch


def _parity_dir_with_input(mid):
    """Creates models/parity/<mid>/ holding the shared parity input; returns (dir, composite, mask)."""
    d = os.path.join(MODELS_DIR, "parity", mid)
    os.makedirs(d, exist_ok=True)
    c, m = parity_input()
    write_f32(os.path.join(d, "composite.f32"), c)
    write_f32(os.path.join(d, "mask.f32"), m)
    return d, c, m


def write_parity_hdnet(model, mid):
    d, c, m = _parity_dir_with_input(mid)
    with torch.no_grad():
        for k in PARITY_KS:
            h, _, _ = model(c, m, torch.tensor([k]))
            write_f32(os.path.join(d, f"harmonized_k{k}.f32"), h)
    atomic_write_bytes(os.path.join(d, "meta.json"),
                       json.dumps({"height": PARITY_H, "width": PARITY_W, "ks": PARITY_KS}).encode())


def write_parity_s2crnet(model, mid):
    d, c, m = _parity_dir_with_input(mid)
    with torch.no_grad():
        cv = model(c, m)
    write_f32(os.path.join(d, "curves.f32"), cv)
    atomic_write_bytes(os.path.join(d, "meta.json"), json.dumps(
        {"height": PARITY_H, "width": PARITY_W, "curve_points": model.points, "outputs": ["curves"]}).encode())


def update_manifest(entry):
    path = os.path.join(MODELS_DIR, "models.json")
    data = {"models": []}
    if os.path.exists(path):
        with open(path) as f:
            data = json.load(f)
    data["models"] = [e for e in data["models"] if e["id"] != entry["id"]] + [entry]
    order = {"hdnet-ct": 0, "hdnet-lite": 1, "hdnet": 2, "s2crnet": 3}
    data["models"].sort(key=lambda e: order.get(e["id"], 9))
    atomic_write_bytes(path, (json.dumps(data, indent=2) + "\n").encode())


def check_onnx_vs_torch(path, model, kind):
    """Run the exported graph through onnx.reference (onnx >= 1.13) or onnxruntime if available."""
    c, m = parity_input()
    try:
        import onnxruntime as ort
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        run = lambda feeds: sess.run(None, feeds)  # noqa: E731
    except ImportError:
        try:
            from onnx.reference import ReferenceEvaluator
            ev = ReferenceEvaluator(path)
            run = lambda feeds: ev.run(None, feeds)  # noqa: E731
        except ImportError:
            return "skipped (neither onnxruntime nor onnx.reference available)"
    with torch.no_grad():
        if kind == "hdnet":
            out = run({"composite": c.numpy(), "mask": m.numpy(), "k": np.array([5], np.int64)})[0]
            ref = model(c, m, torch.tensor([5]))[0].numpy()
        else:
            out = run({"composite": c.numpy(), "mask": m.numpy()})[0]
            ref = model(c, m).numpy()
    return f"max abs diff {np.abs(out - ref).max():.2e}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, choices=[*hdnet.VARIANTS, "s2crnet"])
    ap.add_argument("--checkpoint")
    ap.add_argument("--version", default="0.0.1")
    ap.add_argument("--random", action="store_true", help="export untrained (random-weight) model")
    ap.add_argument("--training-data", default=None)
    ap.add_argument("--description", default=None)
    ap.add_argument("--out", default=None, help="output .onnx (default models/<id>.onnx)")
    ap.add_argument("--no-manifest", action="store_true", help="write neither models.json nor parity fixtures")
    ap.add_argument("--weights", choices=["fp32", "fp16"], default=None,
                    help="initializer storage (default: fp16 for hdnet, halving its file; fp32 otherwise)")
    args = ap.parse_args()
    torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
    torch.manual_seed(0)
    model, info = load_model(args.model, None if args.random else args.checkpoint)
    if args.random:  # zero-initialised layers (identity at init) get small random weights so parity is meaningful
        with torch.no_grad():
            for p in model.parameters():
                if p.dim() > 1 and float(p.abs().max()) == 0.0:
                    p.normal_(0, 0.02)
    fp16 = (args.weights or ("fp16" if args.model == "hdnet" else "fp32")) == "fp16"
    if fp16:  # the PyTorch model is rounded too, so parity fixtures and the runtime check stay exact
        onnx_weights.round_weights_to_fp16_(model)
    td = args.training_data or ("none (random weights, contract placeholder)" if args.random else
                                "synthetic re-coloured pairs from shared/data/train (labelme, davis, bsds)")
    path = args.out or os.path.join(MODELS_DIR, f"{args.model}.onnx")
    if args.model == "s2crnet":
        export_s2crnet(model, path, args.version, td)
        if not args.no_manifest:
            write_parity_s2crnet(model, args.model)
        mtype = "s2crnet"
    else:
        export_hdnet(model, args.model, path, args.version, td, fp16_weights=fp16)
        if not args.no_manifest:
            write_parity_hdnet(model, args.model)
        mtype = "hdnet"
    desc = args.description or {
        "hdnet-ct": "HDNet-CT (lite width, colour-transform head, K-neighbour light, one colour transform per object, leaves nearly harmonious objects alone): the default",
        "hdnet-lite": "HDNet-lite (width 8), the paper's pixel output; trained on CPU",
        "hdnet": "HDNet (width 32), full model",
        "s2crnet": "S2CRNet colour curves for any resolution"}[args.model]
    if args.random:
        desc += " [RANDOM WEIGHTS - placeholder]"
    if not args.no_manifest:
        update_manifest({"id": args.model, "file": os.path.basename(path), "type": mtype, "sha256": sha256(path),
                         "version": args.version, "description": desc})
    print(json.dumps({"exported": path, "bytes": os.path.getsize(path), "sha256": sha256(path), "info": info,
                      "runtime_check": check_onnx_vs_torch(path, model, mtype)}))


if __name__ == "__main__":
    main()
