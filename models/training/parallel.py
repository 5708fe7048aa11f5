"""Data-parallel CPU training: `train.py --procs N` runs N copies of the training process, each with its own batches,
gradients averaged by torch.distributed (gloo). On the 2-core CPU two 1-thread processes train ~1.5x as many crops per
second as one 2-thread process (HDNet-lite at 256², batch 8 per process, --bf16: 22.6 vs 14.5 crops/s, measured from
the run log's wall time), because the single-threaded data synthesis and the small convolutions leave a 2-thread
process partly idle. The effective batch is --batch x N.

Rank 0 logs, validates and writes checkpoints; every rank runs the same steps with the same learning rate, so the
replicas stay identical. SIGTERM to the launcher ends the run like its budget ran out: the launcher creates a stop file
that every rank checks once per step, so all ranks leave the loop at the same step. At the end the other ranks wait in
a barrier for rank 0's final validation and checkpoint, then every rank leaves the process group and exits at once,
without Python's teardown: freeing the DistributedDataParallel model after the process group hung a rank at exit
now and then here (torch 1.13, gloo). When one rank fails, the launcher kills the others at
once (they would wait for it in the next collective); when one ends, the rest get GRACE_S seconds to follow.
"""
import datetime
import os
import signal
import socket
import shutil
import subprocess
import sys
import tempfile
import time

import torch
import torch.distributed as dist


def world():
    """(rank, world size) of this process; (0, 1) when not launched by `launch`."""
    return int(os.environ.get("RANK", "0")), int(os.environ.get("WORLD_SIZE", "1"))


def launched():
    return world()[1] > 1


GRACE_S = 120


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(n, module, argv):
    """Runs `python3 -m module argv` as n ranks and returns the worst exit status (a failed rank stops the rest)."""
    tmp = tempfile.mkdtemp(prefix="hdc-ranks-")
    stop_file = os.path.join(tmp, "stop")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the folder holding the package
    path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PYTHONPATH": path, "WORLD_SIZE": str(n), "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(_free_port()),
           "HDC_STOP_FILE": stop_file}
    signal.signal(signal.SIGTERM, lambda *_: open(stop_file, "w").close())
    kids = [subprocess.Popen([sys.executable, "-m", module, *argv], env={**env, "RANK": str(r), "LOCAL_RANK": str(r)})
            for r in range(n)]
    first_end = None
    try:
        while any(k.poll() is None for k in kids):
            ended = [k.poll() for k in kids if k.poll() is not None]
            first_end = first_end or (time.time() if ended else None)
            if any(ended) or (first_end and time.time() - first_end > GRACE_S):
                for k in kids:
                    if k.poll() is None:
                        k.kill()
                break
            time.sleep(0.2)
        return max(abs(k.wait()) for k in kids)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def stop_requested():
    """True once the launcher was asked to stop (its stop file exists)."""
    path = os.environ.get("HDC_STOP_FILE")
    return bool(path) and os.path.exists(path)


def init():
    """Joins the process group of a launched rank (no-op for a single process)."""
    if launched() and not dist.is_initialized():
        dist.init_process_group("gloo", timeout=datetime.timedelta(minutes=20))


def agree(elapsed, stop):
    """The ranks' common view of the clock and of a stop request: the latest elapsed time and any rank's stop, so
    that all of them use the same learning rate and leave the loop at the same step."""
    if not launched():
        return elapsed, stop
    t = torch.tensor([elapsed, float(stop)], dtype=torch.float64)
    dist.all_reduce(t, op=dist.ReduceOp.MAX)
    return float(t[0]), bool(t[1] > 0)


def mean(value):
    """Mean of a float over the ranks (the loss each rank saw), identical on every rank."""
    if not launched():
        return value
    t = torch.tensor([value], dtype=torch.float64)
    dist.all_reduce(t)
    return float(t[0]) / world()[1]


def wrap(model):
    """The model as the training step sees it: DistributedDataParallel when launched, else the model itself."""
    return torch.nn.parallel.DistributedDataParallel(model) if launched() else model


def finish():
    """Every rank calls this once at the end. A launched rank waits until all ranks got here, leaves the process group
    and exits (status 0) without returning; a single process just returns."""
    if launched() and dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
