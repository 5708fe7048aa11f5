#!/usr/bin/env bash
# Retakes the editor screenshots in docs/screenshots from the real window under Xvfb (1440x900), with the shipped models.
# No arguments: all of them; otherwise only the named views, e.g. `scripts/screenshots.sh kcompare two-places` after a
# new model lands.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt-get install xvfb xauth libgtk-3-0 pngquant)" >&2; exit 2; }
scripts/ensure-jar.sh
views=("$@")
if [[ ${#views[@]} -eq 0 ]]; then
  views=(initial split knn knn-all kcompare kcompare-sun kcompare-sea two-places layers composite-mask error transform)
fi
for view in "${views[@]}"; do
  xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/hdcompose.jar com.hdcompose.app.EditorLauncher \
      --screenshot "docs/screenshots/$view.png" --screenshot-view "$view"
  # keep the files small (< 300 KB): 256-colour palette when pngquant is there (apt-get install pngquant)
  if command -v pngquant >/dev/null; then
    pngquant --force --quality 60-90 --speed 1 --output "docs/screenshots/$view.png" "docs/screenshots/$view.png"
  fi
done
