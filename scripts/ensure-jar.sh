#!/usr/bin/env bash
# Builds target/hdcompose.jar when it is missing or older than the sources (shared by run.sh and screenshots.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/hdcompose.jar || -n "$(find src pom.xml -newer target/hdcompose.jar -print -quit)" ]]; then
  mvn -q -B -ntp package -DskipTests
fi
