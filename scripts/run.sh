#!/usr/bin/env bash
# Opens the HD Compose editor on its built-in demo scene, building the application first if needed; as root it
# installs what is missing (JDK, Maven, and GTK 3 with the other libraries JavaFX's window needs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/glass-libs.sh
if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven openjdk-17-jdk >/dev/null
  else
    echo "Please install Java 17 (JDK) and Maven first." >&2; exit 2
  fi
fi
# the window (no arguments, or a .hdcomp project) needs GTK 3; the command-line subcommands do not
if [[ $# == 0 || ( $# == 1 && ${1,,} == *.hdcomp ) ]]; then
  ensure_glass_libs || exit 2
fi
scripts/ensure-jar.sh
exec java -jar target/hdcompose.jar "$@"
