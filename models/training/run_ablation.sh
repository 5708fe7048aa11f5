#!/usr/bin/env bash
# HDNet-lite ablation: full / no-LD / no-MGD, identical settings (seed 0, 64x64 crops, batch 16, 1 thread,
# fixed number of steps), run one after the other; then evaluated on the full fixed val set at 256x256.
set -uo pipefail
PY=${PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
cd "$(dirname "$0")"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
STEPS=${STEPS:-1500}
for v in full no-ld no-mgd; do
  fl=""; [ $v = no-ld ] && fl="--no-ld"; [ $v = no-mgd ] && fl="--no-mgd"
  $PY train.py --model hdnet-lite $fl --size 64 --batch 16 --threads 1 --minutes 60 --max-steps $STEPS \
    --seed 0 --k 5 --run-dir runs/abl-$v --val-every 100000 --val-subset 48 > runs/abl-$v.stdout 2>&1
done
$PY evaluate.py --ablation runs/abl-full,runs/abl-no-ld,runs/abl-no-mgd --out results/ablation.json > runs/abl-eval.stdout 2>&1
