#!/usr/bin/env bash
# Export trained checkpoints to ONNX (+ manifest, parity fixtures; HDNet's file stores float16 weights and is its
# committed checkpoint), run the evaluations for the model card and render the tables.
#   bash models/training/finalize.sh [VERSION]
set -euo pipefail
PY=${PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
cd "$(dirname "$0")/.."   # models/: the package is run as python3 -m training.X
export OPENBLAS_NUM_THREADS=1 TORCH_THREADS=1
V=${1:-1.0.0}
for m in hdnet-ct hdnet-lite s2crnet; do
  if [ -f runs/$m/ckpt.pt ]; then $PY -m training.export --model $m --checkpoint runs/$m/ckpt.pt --version "$V" 2>&1 | grep exported; fi
done
$PY -m training.evaluate --threads 2 --methods composite,classic,hdnet-ct,hdnet-lite,s2crnet,hdnet --triplets --out training/results/val.json
$PY -m training.evaluate --threads 2 --methods hdnet-ct --ksweep 1,3,5,7,9 --out training/results/ksweep.json
$PY -m training.evaluate --threads 2 --methods hdnet-ct --module-probe --out training/results/module-probe.json
$PY -m training.generalisation --methods composite,classic,hdnet-ct,hdnet-lite,s2crnet --out training/results/generalisation.json
$PY -m training.report > training/results/tables.md
