#!/usr/bin/env bash
# HDNet-lite ablation: full / no-LD / no-MGD, identical settings (same seed, 64x64 crops, batch 16, 1 thread,
# K=5, fixed number of steps), run one after the other; then evaluated on the full fixed val set at 256x256.
#   bash run_ablation.sh            # seed 0 -> runs/abl-{full,no-ld,no-mgd}, results/ablation.json
#   SEED=1 bash run_ablation.sh     # seed 1 -> runs/abl-s1-*,              results/ablation-s1.json
set -uo pipefail
PY=${PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)}
cd "$(dirname "$0")/.."   # models/
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
STEPS=${STEPS:-1500}
SEED=${SEED:-0}
P=abl-; OUT=training/results/ablation.json
[ "$SEED" != 0 ] && P=abl-s$SEED- && OUT=training/results/ablation-s$SEED.json
for v in full no-ld no-mgd; do
  fl=""; [ $v = no-ld ] && fl="--no-ld"; [ $v = no-mgd ] && fl="--no-mgd"
  $PY -m training.train --model hdnet-lite $fl --size 64 --batch 16 --threads 1 --minutes 60 --max-steps $STEPS \
    --seed $SEED --k 5 --run-dir runs/$P$v --val-every 100000 --val-subset 48 > runs/$P$v.stdout 2>&1
done
$PY -m training.evaluate --ablation runs/${P}full,runs/${P}no-ld,runs/${P}no-mgd --out $OUT > runs/${P}eval.stdout 2>&1
