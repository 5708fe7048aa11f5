"""PyTorch reference latency for `hdcompose bench`: times the forward pass of HDNet / HDNet-lite / S2CRNet.

Usage (from models/): python3 -m training.bench_torch --model hdnet-lite --size 256 [--repeats 5] [--k 1] [--threads N]
Prints one JSON line: {"model", "size", "repeats", "threads", "median_ms", "p90_ms", "params"}.
Weights do not matter for speed; a checkpoint is not needed (architecture from hdnet.py / s2crnet.py).
"""
import argparse
import json
import os
import statistics
import time


import torch

from . import hdnet
from . import s2crnet


def build(name):
    if name == "s2crnet":
        return s2crnet.S2CRNet()
    return hdnet.build(name)


def inputs(size):
    g = torch.Generator().manual_seed(0)
    comp = torch.rand(1, 3, size, size, generator=g)
    mask = torch.zeros(1, 1, size, size)
    mask[:, :, size // 4: 3 * size // 4, size // 3: 2 * size // 3] = 1
    return comp, mask


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, choices=[*hdnet.VARIANTS, "s2crnet"])
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--k", type=int, default=1)
    ap.add_argument("--threads", type=int, default=0, help="torch intra-op threads (0 = all cores this process may use)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads if a.threads > 0 else len(os.sched_getaffinity(0)))
    model = build(a.model).eval()
    comp, mask = inputs(a.size)
    k = torch.tensor([a.k], dtype=torch.int64)

    def run():
        if a.model == "s2crnet":
            return s2crnet.harmonize(model, comp, mask)
        return model(comp, mask, k)

    times = []
    with torch.no_grad():
        run()  # warm-up
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            run()
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
    print(json.dumps({"model": a.model, "size": a.size, "repeats": a.repeats, "threads": torch.get_num_threads(),
                      "median_ms": statistics.median(times), "p90_ms": p90,
                      "params": sum(p.numel() for p in model.parameters())}))


if __name__ == "__main__":
    main()
