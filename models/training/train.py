"""Train HDNet / HDNet-lite / HDNet-CT / S2CRNet. Resumable, time-budgeted, CPU or CUDA. Run from models/:

  python3 -m training.train --model hdnet-ct --size 192 --batch 8 --threads 1 --procs 2 --minutes 60 --run-dir runs/hdnet-ct
  python3 -m training.train --model hdnet-ct ... --resume            # continue from run-dir/ckpt.pt
Loss: foreground-normalised MSE  sum ||I - I_h||^2 / max(100, sum M)  (pixels 0..1). Adam, cosine lr decay over
the --minutes budget (or --steps) of this invocation. Log: run-dir/log.jsonl; checkpoints: checkpoints.py.
"""
import argparse
import collections
import contextlib
import copy
import json
import math
import os
import platform
import signal
import sys
import threading
import time

import numpy as np
import torch

from . import checkpoints
from . import data
from . import hdnet
from . import metrics
from . import onnx_weights
from . import parallel
from . import s2crnet
from . import synth

A_MIN = 100.0


def machine(args):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name"))
    except Exception:
        pass
    dev = args.device
    if dev == "cuda" and torch.cuda.is_available():
        dev = "cuda:" + torch.cuda.get_device_name(0)
    procs = f" procs={parallel.world()[1]}" if parallel.launched() else ""
    return f"{platform.node()} {cpu} x{os.cpu_count()} threads={args.threads}{procs} {dev}"


def parse_weights(text):
    """"bsds=3,davis=3" -> {"bsds": 3.0, "davis": 3.0} (train.py --source-weights)."""
    try:
        return {k.strip(): float(v) for k, v in (part.split("=", 1) for part in text.split(",") if part.strip())}
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected collection=weight,... e.g. bsds=3,davis=3: {text!r}") from None


def fg_errors(pred, real, mask):
    """Per-image squared error over max(A_MIN, mask area): the paper's loss before the batch mean."""
    se = ((pred - real) ** 2).sum(dim=(1, 2, 3))
    return se / mask.sum(dim=(1, 2, 3)).clamp_min(A_MIN)


def fg_mse_loss(pred, real, mask):
    return fg_errors(pred, real, mask).mean()


def harm_loss(pred, real, mask, comp, weight):
    """fg_mse_loss plus `weight` times how far each output's error exceeds its composite's (do no harm): a composite
    that already fits (error 0) or nearly fits is pulled back towards the unchanged input."""
    err = fg_errors(pred, real, mask)
    if weight <= 0:
        return err.mean()
    return err.mean() + weight * torch.relu(err - fg_errors(comp, real, mask)).mean()


class BatchStream(torch.utils.data.IterableDataset):
    """Endless training batches from a source with .batch(n, size) and .rng; each worker process reseeds its copy."""

    def __init__(self, src, batch, size, seed):
        self.src, self.batch, self.size, self.seed = src, batch, size, seed

    def __iter__(self):
        info = torch.utils.data.get_worker_info()
        if info is not None:
            self.src.rng = np.random.default_rng([self.seed, info.id])
        while True:
            yield tuple(torch.from_numpy(x) for x in self.src.batch(self.batch, self.size))


def batch_iterator(src, args, seed):
    """In-process batches (--workers 0, the 2-core CPU case) or a DataLoader of forked workers (GPU machine)."""
    stream = BatchStream(src, args.batch, args.size, seed)
    if args.workers <= 0:
        return iter(stream)
    return iter(torch.utils.data.DataLoader(stream, batch_size=None, num_workers=args.workers, prefetch_factor=4,
                                            multiprocessing_context="fork", persistent_workers=True,
                                            pin_memory=args.device == "cuda"))


def init_counters(run_dir):
    """Step, images seen and wall time of the last record in run_dir/log.jsonl (zeros for a new run)."""
    path = os.path.join(run_dir, "log.jsonl")
    last = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.strip():
                    last = json.loads(line)
    return last.get("step", 0), last.get("images_seen", 0), last.get("wall_s", 0.0)


def load_from_onnx(path, model, run_dir):
    """Fills model with the weights inside an exported file; returns the run's (step, images seen, wall time)."""
    model.load_state_dict(onnx_weights.state_dict_from_onnx(path, model))
    return init_counters(run_dir)


def load_teacher(path, device):
    """The model to distil from (eval mode, its dead zone off, no gradients), or None."""
    if not path:
        return None
    model, _ = checkpoints.load_model(path)
    model.dead_zone = 0.0
    for p in model.parameters():
        p.requires_grad_(False)
    return model.to(device)


def target(teacher, weight, comp, mask, real, k, passes=1):
    """What the output is trained towards: the real photo, or with a teacher its output (mixed by weight). With
    passes = 2 the teacher harmonizes its own result once more (it was found to correct strong casts further)."""
    if teacher is None:
        return real
    taught = comp
    with torch.no_grad():
        for _ in range(passes):
            taught = teacher(taught, mask, k)[0].float().clamp(0, 1)
    return weight * taught + (1.0 - weight) * real


def build_model(args):
    model = checkpoints.build(args.model, {"no_ld": args.no_ld, "no_mgd": args.no_mgd})
    model.fit_in_training = args.fit_in_loop
    return model


def forward(model, kind, comp, mask, k):
    if kind == "s2crnet":
        return s2crnet.harmonize(model, comp, mask)[0]
    return model(comp, mask, k)[0]


@torch.no_grad()
def evaluate(model, kind, val, idx, device, k=5, bs=8):
    model.eval()
    out = []
    n = len(val["comp"]) if idx is None else len(idx)
    order = np.arange(n) if idx is None else np.asarray(idx)
    for s in range(0, n, bs):
        c, m, r = data.to_tensors(val, order[s:s + bs])
        pred = forward(model, kind, c.to(device), m.to(device), torch.tensor([k])).cpu()
        out.append(metrics.per_image(pred, r, m))
    model.train()
    return metrics.cat(out)


class WeightAverage:
    """Exponential moving average of a model's float tensors (Polyak averaging), updated after each optimiser step."""

    def __init__(self, model, decay):
        self.decay = decay
        self.state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    @torch.no_grad()
    def update(self, model):
        for k, v in model.state_dict().items():
            if v.dtype.is_floating_point:
                self.state[k].mul_(self.decay).add_(v.detach(), alpha=1 - self.decay)
            else:
                self.state[k].copy_(v)

    @contextlib.contextmanager
    def swapped_into(self, model):
        """Inside the block model holds the averaged weights, after it its own weights again."""
        raw = copy.deepcopy(model.state_dict())
        model.load_state_dict(self.state)
        try:
            yield
        finally:
            model.load_state_dict(raw)


def parse_args(argv=None):
    """The run's configuration from the command line."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, choices=[*hdnet.VARIANTS, "s2crnet"])
    ap.add_argument("--data", default="v2", choices=["v1", "v2", "mix"],
                    help="training pairs: v2 = synth.py (cast families, no-cast pairs, relit scenes; scene-split "
                         "photos), v1 = data.recolor (the generator of HDNet-lite <= 1.8.0), mix = both over the "
                         "scene-split photos (synth.MixedPairs, --v1-share of them from v1)")
    ap.add_argument("--hue-deg", type=float, default=synth.HUE_DEG,
                    help="(--data v2/mix) the v2 hue-sat family's largest hue rotation at full strength, degrees")
    ap.add_argument("--sat-up", type=float, default=synth.SAT_UP,
                    help="(--data v2/mix) the v2 hue-sat family's largest saturation boost at full strength, stops")
    ap.add_argument("--channel-gamma", type=float, default=synth.CHANNEL_GAMMA,
                    help="(--data v2/mix) the v2 tone family's largest spread of per-channel gammas at full strength, "
                         "stops of exponent (0: one gamma for all channels)")
    ap.add_argument("--global-aug", type=float, default=synth.GLOBAL_AUG_P,
                    help="(--data v2) share of crops whose whole photo (target too) gets a mild colour change, so "
                         "that the photos' own object colours cannot be memorised")
    ap.add_argument("--zoom-min", type=float, default=data.CROP_ZOOM[0],
                    help="(--data v2) the smallest crop side as a share of the photo's short side (objects enlarged "
                         "up to size / (zoom-min * 256) times)")
    ap.add_argument("--soften-p", type=float, default=0.0,
                    help="(--data v2) share of pairs whose composite and target lose the same detail "
                         "(synth.soften_detail)")
    ap.add_argument("--feather-p", type=float, default=0.0,
                    help="(--data v2) share of pairs whose cast fades out across the object's edge "
                         "(synth.feather_edge)")
    ap.add_argument("--source-weights", type=parse_weights, default=None,
                    help="(--data v2) photos drawn with these weights per collection, e.g. bsds=3,davis=3 "
                         "(others 1; default: every photo alike)")
    ap.add_argument("--none-p", type=float, default=synth.NONE_P,
                    help="(--data v2) share of pairs without a cast (the object already fits: target = input)")
    ap.add_argument("--relight-p", type=float, default=synth.RELIGHT_P,
                    help="(--data v2) share of relit pairs (the object keeps another light of the scene)")
    ap.add_argument("--region-p", type=float, default=0.0,
                    help="(--data v2) share of crops whose object is a region of the photo (data.region_mask)")
    ap.add_argument("--v1-share", type=float, default=0.5, help="(--data mix) share of pairs from the v1 generator")
    ap.add_argument("--v1-none", type=float, default=0.0,
                    help="(--data mix) share of the v1 pairs turned into no-cast pairs (v2 has synth.NONE_P of them)")
    ap.add_argument("--init-from", default=None,
                    help="start a new run from another run's checkpoint: every tensor whose name and shape match is "
                         "copied, the rest keeps its initialisation (e.g. HDNet-CT from a trained HDNet-lite)")
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workers", type=int, default=0, help="data-synthesis processes (0 = in the training process)")
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--run-dir", required=True)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--init-onnx", default=None,
                    help="start from the weights inside an exported model (e.g. ../hdnet.onnx) when there is no "
                         "checkpoint to resume")
    ap.add_argument("--no-ld", action="store_true")
    ap.add_argument("--no-mgd", action="store_true")
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--lr-min-frac", type=float, default=0.05)
    ap.add_argument("--no-decay", action="store_true", help="constant lr")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--clip", type=float, default=0.5, help="gradient-norm clipping")
    ap.add_argument("--warmup", type=int, default=200, help="linear lr warm-up steps (from this start)")
    ap.add_argument("--k", type=int, default=0, help="training K (0 = random 1..9 per step)")
    ap.add_argument("--harm", type=float, default=0.0,
                    help="weight of the do-no-harm term: each output's error above its composite's (train.harm_loss)")
    ap.add_argument("--ckpt-every", type=float, default=180, help="seconds")
    ap.add_argument("--val-every", type=float, default=600, help="seconds")
    ap.add_argument("--val-subset", type=int, default=48)
    ap.add_argument("--val-size", type=int, default=256)
    ap.add_argument("--full-val-at-end", action="store_true")
    ap.add_argument("--iharmony4", default=None, help="iHarmony4 root (IHD_train.txt, IHD_test.txt, ...)")
    ap.add_argument("--ema", type=float, default=0.0,
                    help="keep an exponential moving average of the weights with this decay (e.g. 0.999); at the end "
                         "the better of raw and averaged weights on the validation run becomes the checkpoint's model")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps; lr decays over steps")
    ap.add_argument("--steps", type=int, default=0,
                    help="this invocation runs this many steps (from where --resume starts), the lr decaying over "
                         "them: equal-work comparisons of resumed runs that share the machine")
    ap.add_argument("--channels-last", action=argparse.BooleanOptionalAction, default=None,
                    help="NHWC tensors for the model and the batches (default: on for the CPU, where oneDNN's "
                         "convolutions run ~1.5x faster that way; off for CUDA, not measured there)")
    ap.add_argument("--bf16", action="store_true",
                    help="bfloat16 autocast for the training forward pass (weights, Adam, loss and validation stay "
                         "float32); ~1.75x faster on CPUs with AVX512-BF16")
    ap.add_argument("--mild", type=float, default=0.0,
                    help="(--data v1) share of training pairs whose cast is softened to 0..50 %% (data.soften)")
    ap.add_argument("--teacher", default=None,
                    help="distil: the target is a trained model's own output (checkpoint path, its dead zone off) on "
                         "the same composite and K; with --teacher-weight below 1 a mix of it and the real photo")
    ap.add_argument("--fit-in-loop", action="store_true",
                    help="HDNet-CT: train through the global fit (the one colour map inference applies), not the "
                         "network's per-pixel transform")
    ap.add_argument("--teacher-weight", type=float, default=1.0,
                    help="share of the teacher's output in the target (1 = pure distillation)")
    ap.add_argument("--teacher-passes", type=int, default=1, choices=[1, 2],
                    help="times the teacher is applied to make the target: 2 = its result harmonized once more")
    ap.add_argument("--procs", type=int, default=1,
                    help="data-parallel training processes on the CPU (parallel.py), each with --threads threads and "
                         "--batch crops per step; try --procs 2 --threads 1 on a 2-core machine")
    args = ap.parse_args(argv)
    if args.fit_in_loop and args.bf16:  # the fit's moments need float32 (bfloat16 keeps 8 bits of mantissa)
        ap.error("--fit-in-loop needs float32: leave out --bf16")
    return args


class Run:
    """One invocation of training: the model and optimiser with their counters, data, logging and checkpoints."""

    def __init__(self, args):
        self.args = args
        self.rank, self.nproc = parallel.world()
        self.lead = self.rank == 0  # logs, validates, averages weights and writes checkpoints
        torch.manual_seed(args.seed)
        self.device = torch.device(args.device)
        os.makedirs(args.run_dir, exist_ok=True)
        self.ckpt_path = os.path.join(args.run_dir, "ckpt.pt")
        self.log_path = os.path.join(args.run_dir, "log.jsonl")
        channels_last = args.device == "cpu" if args.channels_last is None else args.channels_last
        self.fmt = torch.channels_last if channels_last else torch.contiguous_format
        self.model = build_model(args).to(self.device, memory_format=self.fmt)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=args.lr)
        self.flags = {"no_ld": args.no_ld, "no_mgd": args.no_mgd}
        self.step, self.seen, self.wall_prev = 0, 0, 0.0
        saved_avg = self._start()
        self.avg = WeightAverage(self.model, args.ema) if args.ema > 0 and self.lead else None
        if self.avg is not None and saved_avg is not None:  # an interrupted run goes on with its average; a new
            self.avg.state = saved_avg                      # cycle (end-of-cycle checkpoints drop it) starts afresh
        self.teacher = load_teacher(args.teacher, self.device)
        self.mach = machine(args)
        self.t0 = time.time()

    def _start(self):
        """Resumes the run's checkpoint, or starts from another run / an exported model; returns a saved average."""
        a = self.args
        if a.resume and os.path.exists(self.ckpt_path):
            ck = checkpoints.load(self.ckpt_path, self.device)
            self.model.load_state_dict(ck["model"])
            if "opt" in ck:
                self.opt.load_state_dict(ck["opt"])
            self.step, self.seen, self.wall_prev = ck["step"], ck["images_seen"], ck["wall_s"]
            print(f"resumed step {self.step} images {self.seen} wall {self.wall_prev:.0f}s", flush=True)
            return ck.get("ema")
        if a.init_from:
            print(f"initialised {checkpoints.load_matching(self.model, a.init_from)} tensors from {a.init_from}",
                  flush=True)
        elif a.init_onnx:
            self.step, self.seen, self.wall_prev = load_from_onnx(a.init_onnx, self.model, a.run_dir)
            print(f"initialised from {a.init_onnx} (step {self.step})", flush=True)
        return None

    def sources(self):
        """(endless training batches, validation set, validation subset indices)."""
        a = self.args
        seed = a.seed + self.step + 1_000_003 * self.rank  # each rank its own batches, each resume a fresh stream
        if a.iharmony4:
            src = data.IHarmony4(a.iharmony4, "train", seed=seed)
            val = data.IHarmony4(a.iharmony4, "test").as_val(a.val_size, limit=2000)
        else:
            families = synth.cast_families(a.hue_deg, a.sat_up, a.channel_gamma)
            if a.data == "v2":
                src = synth.Pairs(seed=seed, families=families, zoom=(a.zoom_min, data.CROP_ZOOM[1]),
                                  soften_p=a.soften_p, feather_p=a.feather_p, source_weights=a.source_weights,
                                  none_p=a.none_p, relight_p=a.relight_p, region_p=a.region_p,
                                  global_aug=a.global_aug)
                val = synth.validation_set(a.val_size)
            elif a.data == "mix":
                src = synth.MixedPairs(a.v1_share, seed=seed, v1_none=a.v1_none, families=families)
                val = synth.validation_set(a.val_size)
            else:
                src, val = data.SyntheticPairs("train", seed=seed, mild=a.mild), data.fixed_val_set(a.val_size)
        rs = np.random.default_rng(99)
        sub = np.sort(rs.choice(len(val["comp"]), size=min(a.val_subset, len(val["comp"])), replace=False))
        self.krng = np.random.default_rng(seed + 7)
        return batch_iterator(src, a, seed), val, sub

    def wall(self):
        return self.wall_prev + time.time() - self.t0

    def log(self, rec):
        if not self.lead:
            return
        a = self.args
        rec.update({"machine": self.mach, "model": a.model, "flags": self.flags, "size": a.size, "batch": a.batch,
                    "harm": a.harm, "k": a.k})
        with open(self.log_path, "a") as f:
            f.write(json.dumps(rec) + "\n")
        print(json.dumps(rec), flush=True)

    def save(self):
        if not self.lead:
            return
        checkpoints.save({"model": self.model.state_dict(), "opt": self.opt.state_dict(), "step": self.step,
                          "images_seen": self.seen, "wall_s": self.wall(), "flags": self.flags,
                          "args": vars(self.args), **({"ema": self.avg.state} if self.avg is not None else {})},
                         self.ckpt_path)

    def lr(self, elapsed, start_step):
        a = self.args
        if a.steps:
            frac = (self.step - start_step) / a.steps
        else:
            frac = min(1.0, self.step / a.max_steps) if a.max_steps else min(1.0, elapsed / (a.minutes * 60))
        lr = a.lr if a.no_decay else a.lr * (a.lr_min_frac + (1 - a.lr_min_frac) * 0.5 * (1 + math.cos(math.pi * frac)))
        if self.step - start_step < a.warmup:
            lr *= (self.step - start_step + 1) / a.warmup
        return lr

    def validate(self, val, idx):
        s = metrics.summarize(evaluate(self.model, self.args.model, val, idx, self.device))
        if self.avg is not None:
            with self.avg.swapped_into(self.model):
                s.update({"ema_" + k: v for k, v in
                          metrics.summarize(evaluate(self.model, self.args.model, val, idx, self.device)).items()})
        return s

    def finish(self, val, sub, stopped):
        """Final validation (averaged weights adopted when better), checkpoint and log record."""
        idx = None if self.args.full_val_at_end else sub
        s = self.validate(val, idx)
        if self.avg is not None:
            better = s["ema_mse"] < s["mse"]
            self.log({"step": self.step, "event": "weight average vs raw", "raw_mse": s["mse"],
                      "ema_mse": s["ema_mse"], "adopted": "ema" if better else "raw", "ema_decay": self.args.ema})
            if better:
                self.model.load_state_dict(self.avg.state)
            s = {k: s["ema_" + k] if better else s[k] for k in ("mse", "psnr", "fmse")}
        self.save()
        self.log({"step": self.step, "images_seen": self.seen, "wall_s": self.wall(),
                  "val_subset": len(val["comp"]) if idx is None else len(idx), "final": True, "stopped_early": stopped,
                  **{"val_" + k: v for k, v in s.items()}})

    def loop(self):
        """Trains until the time budget, the step limit or a stop request; then validates and saves."""
        a = self.args
        batches, val, sub = self.sources()
        net = parallel.wrap(self.model)
        start_step, lr_scale, best_ema, ema = self.step, 1.0, float("inf"), None
        snaps = collections.deque(maxlen=3)  # in-memory snapshots for divergence recovery
        last_ck = last_val = self.t0
        t_data = t_step = 0.0
        stop = threading.Event()  # SIGTERM (kill, session.sh stop) ends the run like its budget: checkpoint, val
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        self.model.train()
        while True:
            el, stopping = parallel.agree(time.time() - self.t0, stop.is_set() or parallel.stop_requested())
            if stopping:
                stop.set()  # a stop requested elsewhere (another rank, the launcher) counts as this rank's too
            if (el >= a.minutes * 60 or (a.max_steps and self.step >= a.max_steps)
                    or (a.steps and self.step - start_step >= a.steps) or stopping):
                break
            lr = self.lr(el, start_step) * lr_scale
            for g in self.opt.param_groups:
                g["lr"] = lr
            ta = time.time()
            c, m, r = (x.to(self.device, non_blocking=True, memory_format=self.fmt) for x in next(batches))
            tb = time.time()
            k = torch.tensor([a.k if a.k else int(self.krng.integers(1, 10))])
            with torch.autocast(a.device, dtype=torch.bfloat16, enabled=a.bf16):
                pred = forward(net, a.model, c, m, k)
                r = target(self.teacher, a.teacher_weight, c, m, r, k, a.teacher_passes)
            loss = harm_loss(pred.float(), r, m, c, a.harm)
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            gnorm = float(torch.nn.utils.clip_grad_norm_(self.model.parameters(), a.clip))
            if not math.isfinite(gnorm):
                self.opt.zero_grad(set_to_none=True)
                continue
            self.opt.step()
            if self.avg is not None:
                self.avg.update(self.model)
            tc = time.time()
            t_data += tb - ta
            t_step += tc - tb
            self.step += 1
            self.seen += a.batch * self.nproc
            lv = parallel.mean(float(loss))  # every rank tracks the same loss, so divergence recovery acts in step
            ema = lv if ema is None else 0.98 * ema + 0.02 * lv
            if self.step % 50 == 0 and self.step - start_step >= 50:
                best_ema = min(best_ema, ema)
                if ema <= 1.1 * best_ema:
                    snaps.append((self.step, copy.deepcopy(self.model.state_dict()),
                                  copy.deepcopy(self.opt.state_dict())))
            if snaps and (not math.isfinite(ema) or ema > 1.6 * best_ema):
                s_step, s_model, s_opt = snaps[0]
                self.model.load_state_dict(s_model)
                self.opt.load_state_dict(s_opt)
                lr_scale *= 0.5
                self.log({"step": self.step, "images_seen": self.seen, "event": "divergence: restored snapshot",
                          "from_step": s_step, "loss": ema, "lr_scale": lr_scale, "wall_s": self.wall()})
                ema = best_ema
                snaps.clear()
            now = time.time()
            if self.step % 20 == 0:
                self.log({"step": self.step, "images_seen": self.seen, "loss": ema, "lr": lr, "grad_norm": gnorm,
                          "wall_s": self.wall(), "img_per_s": a.batch * self.nproc * 20 / (t_data + t_step),
                          "data_frac": t_data / (t_data + t_step)})
                t_data = t_step = 0.0
            if self.lead and now - last_val >= a.val_every:
                s = self.validate(val, sub)
                self.log({"step": self.step, "images_seen": self.seen, "loss": ema, "wall_s": self.wall(),
                          "val_subset": len(sub), **{"val_" + k: v for k, v in s.items()}})
                last_val = time.time()
            if self.lead and now - last_ck >= a.ckpt_every:
                self.save()
                last_ck = time.time()
        if not self.lead:
            parallel.finish()  # waits for rank 0's final validation and checkpoint, then exits
        self.finish(val, sub, stop.is_set())


def main(argv=None):
    args = parse_args(argv)
    if args.procs > 1 and not parallel.launched():
        sys.exit(parallel.launch(args.procs, __spec__.name, sys.argv[1:]))
    parallel.init()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    torch.set_num_threads(args.threads)
    if args.device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = False  # input sizes are fixed, but LD gathers vary per image
    Run(args).loop()
    parallel.finish()


if __name__ == "__main__":
    main()
