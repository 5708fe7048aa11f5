import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# subprocesses (python3 -m training.train / training.widen) find the package wherever pytest was started
_MODELS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_MODELS, os.environ.get("PYTHONPATH", "")) if p)

import torch  # noqa: E402

torch.set_num_threads(1)
