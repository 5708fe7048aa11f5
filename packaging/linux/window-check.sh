#!/usr/bin/env bash
# Starts the packaged editor on the current X display (run it under `xvfb-run -a -s "-screen 0 1600x1000x24"`),
# reports the time to the first window two ways and takes a screenshot of the screen.
#
#   xvfb-run -a -s "-screen 0 1600x1000x24" packaging/linux/window-check.sh "/opt/hdcompose/bin/HD Compose" shot.png
#
# Prints: "window mapped after N ms (xdotool)" - launcher start to a visible X window, measured outside the app - and
# the app's own "first window shown after N ms" (from process start, -Dhdcompose.log.startup=true).
# Needs xdotool and ImageMagick (import). Exit 0 when the window appeared.
set -euo pipefail
LAUNCHER=${1:?launcher}
SHOT=${2:-window.png}
HOLD_MS=${HOLD_MS:-8000}
LOG=$(mktemp)
t0=$(date +%s%N)
JAVA_TOOL_OPTIONS="-Dhdcompose.log.startup=true -Dhdcompose.exit.after.shown=$HOLD_MS" "$LAUNCHER" >"$LOG" 2>&1 &
pid=$!
if ! timeout 90 xdotool search --sync --onlyvisible --name "HD Compose" >/dev/null; then
  echo "no window within 90 s"; cat "$LOG"; kill "$pid" 2>/dev/null || true; exit 1
fi
t1=$(date +%s%N)
echo "window mapped after $(( (t1 - t0) / 1000000 )) ms (xdotool)"
sleep "${SHOT_DELAY_S:-5}"          # let the first harmonization preview arrive
import -window root "$SHOT"
wait "$pid" || true
grep -E "first window shown after|Exception|Error" "$LOG" || true
echo "screenshot: $SHOT"
