#!/usr/bin/env bash
# One-command CUDA training of full HDNet (for a session that has the GPU machine).
#   here (CPU box):   /usr/bin/python3 models/training/gpu/pack_data.py pack   # -> models/training/cache/hdcompose-data.npz (61 MiB)
#   GPU machine:      bash models/training/gpu/run_cuda.sh [MINUTES]      # carry models/training/cache/hdcompose-data.npz
# Resumes from models/training/runs/hdnet/ckpt.pt (or ckpt_weights_fp16.pt, committed) and exports models/hdnet.onnx.
set -euo pipefail
PY=${PYTHON:-python3}; $PY -c "import torch" 2>/dev/null || PY=/usr/bin/python3
cd "$(dirname "$0")/.."
MIN=${1:-45}
ARCHIVE=${ARCHIVE:-cache/hdcompose-data.npz}
$PY -c "import torch; assert torch.cuda.is_available(), 'no CUDA device'"
[ -f cache/train_256.pkl ] || $PY gpu/pack_data.py unpack --archive "$ARCHIVE"
mkdir -p runs/hdnet
if [ ! -f runs/hdnet/ckpt.pt ] && [ -f runs/hdnet/ckpt_weights_fp16.pt ]; then
  $PY - <<'EOPY'
import torch
w = torch.load("runs/hdnet/ckpt_weights_fp16.pt", map_location="cpu")
sd = {k: v.float() for k, v in w["model"].items()}
torch.save({"model": sd, "step": w.get("step", 0), "images_seen": w.get("images_seen", 0),
            "wall_s": w.get("wall_s", 0.0), "flags": w.get("flags", {})}, "runs/hdnet/ckpt.pt")
EOPY
fi
$PY train.py --model hdnet --device cuda --resume --size 256 --batch 16 --threads 4 --minutes "$MIN" \
  --run-dir runs/hdnet --val-every 300 --val-subset 287 --full-val-at-end
$PY export.py --model hdnet --checkpoint runs/hdnet/ckpt.pt --version "${VERSION:-1.1.0}"
