"""Training batch streams: in-process and multi-worker (GPU machine) paths give well-formed, non-repeating batches."""
import types

import numpy as np

from training import train


class FakeSource:
    """Stands in for data.SyntheticPairs: random batches drawn from its own rng."""

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)

    def batch(self, n, size):
        c = self.rng.random((n, 3, size, size), dtype=np.float32)
        m = (self.rng.random((n, 1, size, size)) > 0.5).astype(np.float32)
        return c, m, c.copy()


def args(workers):
    return types.SimpleNamespace(batch=2, size=8, workers=workers, device="cpu")


def test_in_process_stream_yields_tensors_of_the_asked_shape():
    c, m, r = next(train.batch_iterator(FakeSource(), args(0), seed=1))
    assert tuple(c.shape) == (2, 3, 8, 8) and tuple(m.shape) == (2, 1, 8, 8) and tuple(r.shape) == (2, 3, 8, 8)


def test_worker_processes_are_reseeded_so_batches_differ():
    it = train.batch_iterator(FakeSource(), args(2), seed=5)
    first = [next(it)[0] for _ in range(4)]
    # two workers start from the same forked source; without reseeding their batches would repeat pairwise
    assert not np.allclose(first[0].numpy(), first[1].numpy())
    assert len({float(b.sum()) for b in first}) == 4
