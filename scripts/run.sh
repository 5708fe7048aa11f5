#!/usr/bin/env bash
# Opens the HD Compose editor on its built-in demo scene, building the application first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven openjdk-17-jdk >/dev/null
  else
    echo "Please install Java 17 (JDK) and Maven first." >&2; exit 2
  fi
fi
scripts/ensure-jar.sh
exec java -jar target/hdcompose.jar "$@"
