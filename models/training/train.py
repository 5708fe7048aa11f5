"""Train HDNet / HDNet-lite / S2CRNet. Resumable, time-budgeted, CPU or CUDA.

  python3 train.py --model hdnet-lite --size 128 --batch 16 --threads 2 --minutes 60 --run-dir runs/hdnet-lite
  python3 train.py --model hdnet-lite ... --resume            # continue from run-dir/ckpt.pt
Loss: foreground-normalised MSE  sum ||I - I_h||^2 / max(100, sum M)  (pixels 0..1). Adam, cosine lr decay over
the --minutes budget of this invocation. Log: run-dir/log.jsonl.
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

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import data  # noqa: E402
import hdnet  # noqa: E402
import metrics  # noqa: E402
import onnx_weights  # noqa: E402
import parallel  # noqa: E402
import s2crnet  # noqa: E402

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


def fg_mse_loss(pred, real, mask):
    se = ((pred - real) ** 2).sum(dim=(1, 2, 3))
    area = mask.sum(dim=(1, 2, 3)).clamp_min(A_MIN)
    return (se / area).mean()


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


def build_model(args):
    if args.model == "s2crnet":
        return s2crnet.S2CRNet()
    return hdnet.build(args.model, use_ld=not args.no_ld, use_mgd=not args.no_mgd)


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


def atomic_save(obj, path):
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, choices=["hdnet", "hdnet-lite", "s2crnet"])
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
                    help="share of training pairs whose cast is softened to 0..50 %% (data.soften): nearly "
                         "harmonious objects the network should leave alone; the fixed validation set is unchanged")
    ap.add_argument("--procs", type=int, default=1,
                    help="data-parallel training processes on the CPU (parallel.py), each with --threads threads and "
                         "--batch crops per step; try --procs 2 --threads 1 on a 2-core machine")
    args = ap.parse_args()
    if args.procs > 1 and not parallel.launched():
        sys.exit(parallel.launch(args.procs, os.path.abspath(__file__), sys.argv[1:]))
    parallel.init()
    rank, nproc = parallel.world()
    lead = rank == 0  # logs, validates, averages weights and writes checkpoints

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    device = torch.device(args.device)
    if args.device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = False  # input sizes are fixed, but LD gathers vary per image
    os.makedirs(args.run_dir, exist_ok=True)
    ckpt_path = os.path.join(args.run_dir, "ckpt.pt")
    log_path = os.path.join(args.run_dir, "log.jsonl")

    channels_last = args.device == "cpu" if args.channels_last is None else args.channels_last
    fmt = torch.channels_last if channels_last else torch.contiguous_format
    model = build_model(args).to(device, memory_format=fmt)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    step, seen, wall_prev, saved_avg = 0, 0, 0.0, None
    if args.resume and os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path, map_location=device, weights_only=False)
        model.load_state_dict(ck["model"])
        saved_avg = ck.get("ema")
        if "opt" in ck:
            opt.load_state_dict(ck["opt"])
        step, seen, wall_prev = ck["step"], ck["images_seen"], ck["wall_s"]
        print(f"resumed step {step} images {seen} wall {wall_prev:.0f}s", flush=True)
    elif args.init_onnx:
        step, seen, wall_prev = load_from_onnx(args.init_onnx, model, args.run_dir)
        print(f"initialised from {args.init_onnx} (step {step})", flush=True)
    flags = {"no_ld": args.no_ld, "no_mgd": args.no_mgd}
    avg = WeightAverage(model, args.ema) if args.ema > 0 and lead else None
    if avg is not None and saved_avg is not None:  # an interrupted run goes on with its average; a new cycle
        avg.state = saved_avg                       # (end-of-cycle checkpoints drop it) starts it from the weights

    data_seed = args.seed + step + 1_000_003 * rank  # each rank its own batches, each resume a fresh stream
    if args.iharmony4:
        train_src = data.IHarmony4(args.iharmony4, "train", seed=data_seed)
        val = data.IHarmony4(args.iharmony4, "test").as_val(args.val_size, limit=2000)
    else:
        train_src = data.SyntheticPairs("train", seed=data_seed, mild=args.mild)
        val = data.fixed_val_set(args.val_size)
    batches = batch_iterator(train_src, args, data_seed)
    rs = np.random.default_rng(99)
    sub = np.sort(rs.choice(len(val["comp"]), size=min(args.val_subset, len(val["comp"])), replace=False))
    mach = machine(args)
    krng = np.random.default_rng(data_seed + 7)
    net = parallel.wrap(model)

    def log(rec):
        if not lead:
            return
        rec.update({"machine": mach, "model": args.model, "flags": flags, "size": args.size, "batch": args.batch})
        with open(log_path, "a") as f:
            f.write(json.dumps(rec) + "\n")
        print(json.dumps(rec), flush=True)

    def save():
        if not lead:
            return
        atomic_save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "images_seen": seen,
                     "wall_s": wall_prev + (time.time() - t0), "flags": flags, "args": vars(args),
                     **({"ema": avg.state} if avg is not None else {})}, ckpt_path)

    t0 = time.time()
    budget = args.minutes * 60
    start_step = step
    lr_scale = 1.0
    best_ema = float("inf")
    snaps = collections.deque(maxlen=3)  # in-memory snapshots for divergence recovery
    last_ck = last_val = t0
    ema = None
    t_data = t_step = 0.0
    stop = threading.Event()  # SIGTERM (kill, session.sh stop) ends the run like its budget: checkpoint, validation
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    model.train()
    while True:
        el, stopping = parallel.agree(time.time() - t0, stop.is_set() or parallel.stop_requested())
        if stopping:
            stop.set()  # a stop requested elsewhere (another rank, the launcher) counts as this rank's too
        if (el >= budget or (args.max_steps and step >= args.max_steps) or (args.steps and step - start_step >= args.steps)
                or stopping):
            break
        if args.steps:
            frac = (step - start_step) / args.steps
        else:
            frac = min(1.0, step / args.max_steps) if args.max_steps else min(1.0, el / budget)
        lr = args.lr if args.no_decay else args.lr * (
            args.lr_min_frac + (1 - args.lr_min_frac) * 0.5 * (1 + math.cos(math.pi * frac)))
        lr *= lr_scale
        if step - start_step < args.warmup:
            lr *= (step - start_step + 1) / args.warmup
        for g in opt.param_groups:
            g["lr"] = lr
        ta = time.time()
        c, m, r = (x.to(device, non_blocking=True, memory_format=fmt) for x in next(batches))
        tb = time.time()
        k = args.k if args.k else int(krng.integers(1, 10))
        with torch.autocast(args.device, dtype=torch.bfloat16, enabled=args.bf16):
            pred = forward(net, args.model, c, m, torch.tensor([k]))
        loss = fg_mse_loss(pred.float(), r, m)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        gnorm = float(torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip))
        if not math.isfinite(gnorm):
            opt.zero_grad(set_to_none=True)
            continue
        opt.step()
        if avg is not None:
            avg.update(model)
        tc = time.time()
        t_data += tb - ta
        t_step += tc - tb
        step += 1
        seen += args.batch * nproc
        lv = parallel.mean(float(loss))  # every rank tracks the same loss, so divergence recovery acts in step
        ema = lv if ema is None else 0.98 * ema + 0.02 * lv
        if step % 50 == 0 and step - start_step >= 50:
            best_ema = min(best_ema, ema)
            if ema <= 1.1 * best_ema:
                snaps.append((step, copy.deepcopy(model.state_dict()), copy.deepcopy(opt.state_dict())))
        if snaps and (not math.isfinite(ema) or ema > 1.6 * best_ema):
            s_step, s_model, s_opt = snaps[0]
            model.load_state_dict(s_model)
            opt.load_state_dict(s_opt)
            lr_scale *= 0.5
            log({"step": step, "images_seen": seen, "event": "divergence: restored snapshot", "from_step": s_step,
                 "loss": ema, "lr_scale": lr_scale, "wall_s": wall_prev + time.time() - t0})
            ema = best_ema
            snaps.clear()
        now = time.time()
        if step % 20 == 0:
            log({"step": step, "images_seen": seen, "loss": ema, "lr": lr, "grad_norm": gnorm, "wall_s": wall_prev + now - t0,
                 "img_per_s": args.batch * nproc * 20 / (t_data + t_step), "data_frac": t_data / (t_data + t_step)})
            t_data = t_step = 0.0
        if lead and now - last_val >= args.val_every:
            s = metrics.summarize(evaluate(model, args.model, val, sub, device))
            if avg is not None:
                with avg.swapped_into(model):
                    s.update({"ema_" + k2: v for k2, v in
                              metrics.summarize(evaluate(model, args.model, val, sub, device)).items()})
            log({"step": step, "images_seen": seen, "loss": ema, "wall_s": wall_prev + time.time() - t0,
                 "val_subset": len(sub), **{"val_" + k2: v for k2, v in s.items()}})
            last_val = time.time()
        if lead and now - last_ck >= args.ckpt_every:
            save()
            last_ck = time.time()
    if not lead:
        parallel.finish()  # waits for rank 0's final validation and checkpoint, then exits
    idx = None if args.full_val_at_end else sub
    s = metrics.summarize(evaluate(model, args.model, val, idx, device))
    if avg is not None:
        with avg.swapped_into(model):
            s_avg = metrics.summarize(evaluate(model, args.model, val, idx, device))
        log({"step": step, "event": "weight average vs raw", "raw_mse": s["mse"], "ema_mse": s_avg["mse"],
             "adopted": "ema" if s_avg["mse"] < s["mse"] else "raw", "ema_decay": args.ema})
        if s_avg["mse"] < s["mse"]:
            model.load_state_dict(avg.state)
            s = s_avg
    save()
    log({"step": step, "images_seen": seen, "loss": ema, "wall_s": wall_prev + time.time() - t0,
         "val_subset": len(val["comp"]) if idx is None else len(idx), "final": True, "stopped_early": stop.is_set(),
         **{"val_" + k2: v for k2, v in s.items()}})
    parallel.finish()


if __name__ == "__main__":
    main()
