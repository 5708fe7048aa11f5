#!/usr/bin/env bash
# Export trained checkpoints to ONNX (+ manifest, parity fixtures) and run the evaluations for the model card.
#   bash models/training/finalize.sh [VERSION]
set -euo pipefail
PY=${PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
cd "$(dirname "$0")"
export OPENBLAS_NUM_THREADS=1 TORCH_THREADS=1
V=${1:-1.0.0}
for m in hdnet-lite s2crnet hdnet; do
  [ -f runs/$m/ckpt.pt ] && $PY export.py --model $m --checkpoint runs/$m/ckpt.pt --version "$V" 2>&1 | grep exported
done
$PY evaluate.py --methods composite,classic,hdnet-lite,s2crnet,hdnet --triplets --out results/val.json
$PY evaluate.py --methods hdnet-lite --ksweep 1,3,5,7,9 --out results/ksweep.json
ls runs/abl-full/ckpt.pt runs/abl-no-ld/ckpt.pt runs/abl-no-mgd/ckpt.pt >/dev/null 2>&1 && \
  $PY evaluate.py --ablation runs/abl-full,runs/abl-no-ld,runs/abl-no-mgd --out results/ablation.json
