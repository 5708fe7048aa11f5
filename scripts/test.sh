#!/usr/bin/env bash
# Runs every test of HD Compose: the Java build (unit, integration, headless JavaFX UI, ONNX parity) and the
# Python training-code tests. Installs missing prerequisites first when run as root on Debian/Ubuntu.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v mvn >/dev/null || need_apt+=(maven)
command -v javac >/dev/null || need_apt+=(openjdk-17-jdk-headless)
/usr/bin/python3 -c 'import torch, onnx, cv2, scipy, pytest' 2>/dev/null \
  || need_apt+=(python3-torch python3-onnx python3-opencv python3-scipy python3-pytest)
# JavaFX (headless Monocle in the UI tests) renders text with FreeType and finds fonts through fontconfig.
ldconfig -p | grep -q 'libfreetype.so.6' || need_apt+=(libfreetype6)
ldconfig -p | grep -q 'libfontconfig.so.1' || need_apt+=(libfontconfig1 fonts-dejavu-core)
if ((${#need_apt[@]})); then
  if [[ $(id -u) == 0 ]]; then
    echo "Installing: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "Missing packages: ${need_apt[*]} (install them with apt-get as root)" >&2
    exit 2
  fi
fi

echo "== Python model tests"
(cd models && OPENBLAS_NUM_THREADS=1 /usr/bin/python3 -m pytest -q training/tests)

echo "== Java build and tests"
mvn -B -ntp verify
