"""The one place that writes and reads training checkpoints (train, export, evaluate, widen).

A checkpoint is a torch file with `model` (state dict), the counters `step`, `images_seen`, `wall_s`, the run's
`flags` and `args`, and while a run is in progress `opt` (Adam's state) and `ema` (the weight average). The state
committed to the repository is `compact`: float16 weights, no optimiser state (resuming restarts Adam's moments,
which a warm-up covers) — a quarter of the bytes. Loading casts weights back to float32 either way.
Run folders live in models/runs/<id>/ (ckpt.pt + log.jsonl), outside the source package.
"""
import os

import torch

from . import hdnet
from . import onnx_weights
from . import s2crnet

MODELS_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
RUNS = os.path.join(MODELS_DIR, "runs")


def run_dir(run_id):
    return os.path.join(RUNS, run_id)


def path_for(run_id):
    return os.path.join(run_dir(run_id), "ckpt.pt")


def save(obj, path):
    """Writes a checkpoint atomically (temporary file + rename)."""
    os.makedirs(os.path.dirname(os.path.abspath(path)) or ".", exist_ok=True)
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def _float32(sd):
    return {k: v.float() if v.is_floating_point() else v for k, v in sd.items()}


def load(path, device="cpu"):
    """The checkpoint at path as a dict, weights (and the weight average) in float32."""
    ck = torch.load(path, map_location=device, weights_only=False)
    ck["model"] = _float32(ck["model"])
    if ck.get("ema") is not None:
        ck["ema"] = _float32(ck["ema"])
    return ck


def compact(path, out=None):
    """Rewrites the checkpoint as float16 weights without optimiser state or weight average; returns its bytes."""
    ck = torch.load(path, map_location="cpu", weights_only=False)
    half = {k: v.half() if v.is_floating_point() else v for k, v in ck["model"].items()}
    keep = {k: v for k, v in ck.items() if k not in ("opt", "ema", "model")}
    target = out or path
    save({**keep, "model": half, "compact": True}, target)
    return os.path.getsize(target)


def average(*paths, out):
    """Writes the weight-by-weight mean of checkpoints of one variant (a uniform model soup; of two, WiSE-FT's
    interpolation at alpha 0.5); the last one's counters and arguments are kept, its optimiser state and weight
    average dropped."""
    cks = [load(p) for p in paths]
    last = cks[-1]
    mean = {k: sum(c["model"][k] for c in cks) / len(cks) if v.is_floating_point() else v
            for k, v in last["model"].items()}
    save({**{k: v for k, v in last.items() if k not in ("opt", "ema")}, "model": mean}, out)


def model_name(ck, default="hdnet-lite"):
    return ck.get("args", {}).get("model", default)


def build(name, flags=None):
    """An untrained network of the named variant (hdnet.VARIANTS or s2crnet) with the run's ablation flags."""
    if name == "s2crnet":
        return s2crnet.S2CRNet()
    flags = flags or {}
    return hdnet.build(name, use_ld=not flags.get("no_ld", False), use_mgd=not flags.get("no_mgd", False))


def load_model(path, name=None):
    """(model in eval mode, checkpoint dict) from a checkpoint or from an exported HDNet .onnx (its own weights)."""
    if path.endswith(".onnx"):
        name = name or os.path.splitext(os.path.basename(path))[0]
        model = build(name)
        model.load_state_dict(onnx_weights.state_dict_from_onnx(path, model))
        return model.eval(), {"model_file": os.path.basename(path), "args": {"model": name}}
    ck = load(path)
    model = build(name or model_name(ck), ck.get("flags"))
    model.load_state_dict(ck["model"])
    return set_inference(model, ck.get("inference") or {}, path).eval(), ck


INFERENCE_SETTINGS = ("dead_zone", "chroma_gain")  # HDNet-CT's settings that act at inference only


def check_inference(settings, where="inference settings"):
    """settings, after a ValueError naming `where` if any key is not in INFERENCE_SETTINGS."""
    unknown = set(settings) - set(INFERENCE_SETTINGS)
    if unknown:
        raise ValueError(f"{where}: unknown inference settings {sorted(unknown)}")
    return settings


def set_inference(model, settings, where="inference settings"):
    """The model with inference settings (INFERENCE_SETTINGS) in place of the variant's own."""
    for key, value in check_inference(settings, where).items():
        setattr(model, key, float(value))
    return model


def with_inference(path, out, **settings):
    """Writes the checkpoint at path with inference settings (INFERENCE_SETTINGS) that load_model applies instead of
    the variant's own: an earlier release's behaviour from the same weights, e.g. HDNet-CT 1.4.0 = its checkpoint
    with dead_zone=6, chroma_gain=1."""
    check_inference(settings)
    ck = torch.load(path, map_location="cpu", weights_only=False)
    save({**ck, "inference": {**(ck.get("inference") or {}), **settings}}, out)


def load_matching(model, path):
    """Copies into model every tensor of the checkpoint at path whose name and shape match; returns how many."""
    src = load(path)["model"]
    own = model.state_dict()
    same = {k: v for k, v in src.items() if k in own and own[k].shape == v.shape}
    own.update(same)
    model.load_state_dict(own)
    return len(same)
