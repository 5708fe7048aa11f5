#!/usr/bin/env bash
# Export trained checkpoints to ONNX (+ manifest, parity fixtures; HDNet's file stores float16 weights and is its
# committed checkpoint), run the evaluations for the model card and render the tables.
#   bash models/training/finalize.sh [VERSION]
set -euo pipefail
PY=${PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
cd "$(dirname "$0")"
export OPENBLAS_NUM_THREADS=1 TORCH_THREADS=1
V=${1:-1.0.0}
for m in hdnet-lite s2crnet hdnet; do
  if [ -f runs/$m/ckpt.pt ]; then $PY export.py --model $m --checkpoint runs/$m/ckpt.pt --version "$V" 2>&1 | grep exported; fi
done
$PY evaluate.py --threads 2 --methods composite,classic,hdnet-lite,s2crnet,hdnet --triplets --out results/val.json
$PY evaluate.py --threads 2 --methods hdnet-lite --ksweep 1,3,5,7,9 --out results/ksweep.json
$PY evaluate.py --threads 2 --methods hdnet-lite --module-probe --out results/module-probe.json
$PY report.py > results/tables.md
