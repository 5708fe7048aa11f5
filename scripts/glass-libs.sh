#!/usr/bin/env bash
# The native libraries JavaFX's glass toolkit (GTK 3 window, fonts, OpenGL pipeline) loads, and the Debian/Ubuntu
# packages that provide them; sourced by run.sh. Set LDCONFIG to a command printing `ldconfig -p`-style lines to test.
GLASS_LIBS=(
  "libgtk-3.so.0 libgtk-3-0"
  "libXtst.so.6 libxtst6"
  "libXxf86vm.so.1 libxxf86vm1"
  "libGL.so.1 libgl1"
  "libfontconfig.so.1 libfontconfig1"
  "libpangoft2-1.0.so.0 libpangoft2-1.0-0"
)

# Prints the packages whose library is missing, one per line (nothing when all are there).
missing_glass_packages() {
  local known entry lib pkg
  known=$(${LDCONFIG:-ldconfig -p} 2>/dev/null | awk '{print $1}')
  for entry in "${GLASS_LIBS[@]}"; do
    lib=${entry% *}
    pkg=${entry#* }
    grep -qxF "$lib" <<<"$known" || echo "$pkg"
  done
}

# One line naming what is missing and how to install it; empty when nothing is missing.
glass_error() {
  local missing
  missing=$(missing_glass_packages | tr '\n' ' ' | sed 's/ $//')
  [[ -z $missing ]] && return 0
  local verb="is"
  [[ $missing == *" "* ]] && verb="are"
  echo "error: $missing $verb missing (the editor window needs GTK 3): apt-get install $missing"
}

# Installs the missing packages when root; prints the one-line error and returns 2 when they stay missing.
ensure_glass_libs() {
  local missing
  missing=$(missing_glass_packages | tr '\n' ' ')
  [[ -z ${missing// /} ]] && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing the libraries the editor window needs: $missing" >&2
    # shellcheck disable=SC2086
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || true
  fi
  local error
  error=$(glass_error)
  [[ -z $error ]] && return 0
  echo "$error" >&2
  return 2
}
