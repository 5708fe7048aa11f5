#!/usr/bin/env bash
# Full-HDNet training on the lent GPU machine, one device call per step (gpu/README.md gives the exact calls).
#   bash models/training/gpu/session.sh receive          # keep the data part carried by this call
#   bash models/training/gpu/session.sh start MINUTES    # unpack, start training in the background (setsid)
#   bash models/training/gpu/session.sh watch SECONDS    # show progress until training ends or SECONDS pass
#   bash models/training/gpu/session.sh stop             # end training now (SIGTERM: checkpoint + final validation)
#   bash models/training/gpu/session.sh collect          # fp16 weight parts + run log into $OUT
#   bash models/training/gpu/session.sh oneshot MINUTES [TRAIN ARGS...]
#       all in one call: unpack the one carried part (pack_data.py pack-single), train HDNet-CT on the v2 pairs in the
#       foreground for MINUTES, then the fp16 weight parts, the run log and the trainer's output into $OUT
# The machine is given back 30 s after a call ends: keep the calls coming while training runs.
set -euo pipefail
cd "$(dirname "$0")/../.."   # models/: the package runs as python3 -m training.X
WORK=${HDC_WORK:-/root/hdcompose-gpu}
export HDCOMPOSE_CACHE=$WORK/cache PYTHONUNBUFFERED=1
PY=${PY:-python3}
mkdir -p "$WORK/parts" "$WORK/run"
case "${1:-}" in
  receive)
    cp -v training/cache/gpu/part*.npz "$WORK/parts/"
    ls -la "$WORK/parts" ;;
  start)
    $PY -c "import torch; assert torch.cuda.is_available(), 'no CUDA device'; print(torch.__version__, torch.cuda.get_device_name(0))"
    [ -f "$WORK/cache/train_256.pkl" ] || $PY -m training.gpu.pack_data unpack --parts "$WORK/parts"
    [ -f "$WORK/run/log.jsonl" ] || [ ! -f runs/hdnet/log.jsonl ] || cp runs/hdnet/log.jsonl "$WORK/run/log.jsonl"
    # resumes $WORK/run/ckpt.pt when this lease already trained, else starts from the weights in models/hdnet.onnx
    # (since 1.1.0 HDNet-lite widened x4, a trained start: lr 3e-4, the rate that kept lite improving at 256²)
    setsid nohup $PY -m training.train --model hdnet --device cuda --resume --init-onnx hdnet.onnx --size 256 \
      --batch "${BATCH:-16}" --threads 4 --workers "${WORKERS:-12}" --lr "${LR:-3e-4}" --warmup 300 --ema "${EMA:-0.999}" \
      --minutes "${2:-20}" --run-dir "$WORK/run" --val-every 300 --val-subset 287 --full-val-at-end \
      > "$WORK/train.out" 2>&1 < /dev/null &
    sleep 90
    tail -n 5 "$WORK/train.out" ;;
  watch)
    end=$((SECONDS + ${2:-540}))
    while (( SECONDS < end )) && ! grep -q '"final": true' "$WORK/train.out" && pgrep -f "training.train --model hdnet" >/dev/null; do
      sleep 15
    done
    grep -E '"val_mse"|resumed|initialised|Error|error' "$WORK/train.out" | tail -n 8 || true
    tail -n 2 "$WORK/train.out"
    nvidia-smi --query-gpu=utilization.gpu,memory.used --format=csv,noheader || true ;;
  stop)
    # only the trainer itself (the oldest match): its data workers must outlive the final checkpoint
    pkill -o -TERM -f "training.train --model hdnet" || true
    while pgrep -f "training.train --model hdnet" >/dev/null; do sleep 5; done
    tail -n 2 "$WORK/train.out" ;;
  collect)
    $PY -m training.gpu.weights split --checkpoint "$WORK/run/ckpt.pt" --out "$OUT"
    cp "$WORK/run/log.jsonl" "$OUT/log.jsonl"
    cp "$WORK/train.out" "$OUT/train.out"
    ls -la "$OUT" ;;
  oneshot)
    minutes=${2:?usage: session.sh oneshot MINUTES [TRAIN ARGS...]}
    shift 2
    DEVICE=${DEVICE:-cuda}  # DEVICE=cpu runs the same path on a machine without one (a rehearsal)
    [ "$DEVICE" = cpu ] || $PY -c "import torch; assert torch.cuda.is_available(), 'no CUDA device'; print(torch.__version__, torch.cuda.get_device_name(0))"
    $PY -m training.gpu.pack_data unpack --parts training/cache/gpu --ids-to "$WORK/data"
    export HD_DATA=$WORK/data
    # the trainer stops itself at its budget (checkpoint + validation); timeout only guards against a hang
    timeout $(( minutes * 60 + 240 )) $PY -m training.train --model "${MODEL:-hdnet-ct}" --data v2 --device "$DEVICE" \
      --size "${SIZE:-192}" --batch "${BATCH:-32}" --threads "${THREADS:-4}" --workers "${WORKERS:-12}" \
      --lr "${LR:-3e-4}" --warmup "${WARMUP:-300}" --ema "${EMA:-0.999}" --minutes "$minutes" --run-dir "$WORK/run" \
      --val-every 100000 --val-subset 287 --full-val-at-end "$@" 2>&1 | tee "$OUT/train.out" | grep -E '"final"|Error|error' \
      || echo "the trainer's pipeline ended with status $?"
    $PY -m training.gpu.weights split --checkpoint "$WORK/run/ckpt.pt" --out "$OUT"
    cp "$WORK/run/log.jsonl" "$OUT/log.jsonl"
    ls -la "$OUT" ;;
  *)
    echo "usage: session.sh receive | start MINUTES | watch SECONDS | stop | collect | oneshot MINUTES [TRAIN ARGS...]" >&2; exit 2 ;;
esac
