#!/usr/bin/env bash
# Builds HD Compose's native installer for the current OS with jlink + jpackage.
#
#   packaging/build-installer.sh            # or: mvn -Pinstaller package
#
# Linux: dist/HD Compose/ (app-image) + dist/hdcompose_<version>_<arch>.deb
# Windows (Git Bash): dist/HD Compose/ + dist/HD Compose-<version>.msi   (needs WiX 3 on PATH)
# macOS: dist/HD Compose.app + dist/HD Compose-<version>.dmg
#
# Environment:
#   SKIP_BUILD=1      reuse target/hdcompose.jar instead of running `mvn package -DskipTests`
#   MVN_ARGS="-o -q"  extra Maven arguments (e.g. offline)
#   TYPES="app-image deb"  package types to build (default: app-image + the OS's installer)
#   JLINK_COMPRESS=2  zip the runtime's jimage (smaller on disk, larger installer; default 0)
#   APPCDS=0          Linux: skip the class list for the class-data sharing archive (needs xvfb-run)
#   JAVA_HOME         JDK 17+ with jlink/jpackage (default: the one on PATH)
set -euo pipefail

cd "$(dirname "$0")/.."
DIST=dist            # relative paths: no MSYS path conversion surprises on Windows
STAGE=$DIST/stage
APP_NAME="HD Compose"
VENDOR="HD Compose project"
DESCRIPTION="Offline image harmonization editor (HDNet, S2CRNet on ONNX Runtime)"
bin() {
  if [[ -z "${JAVA_HOME:-}" ]]; then echo "$1"
  elif command -v cygpath >/dev/null; then echo "$(cygpath -u "$JAVA_HOME")/bin/$1"
  else echo "$JAVA_HOME/bin/$1"; fi
}
log() { echo "[build-installer] $*"; }
t0=$(date +%s)

case "$(uname -s)" in
  Linux*) OS=linux ;;
  Darwin*) OS=mac ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows ;;
  *) echo "unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) ARCH=x64 ;;
  arm64 | aarch64) ARCH=aarch64 ;;
  *) echo "unsupported architecture $(uname -m)" >&2; exit 2 ;;
esac
case "$OS" in
  linux) PLATFORM=linux-$ARCH; ICON=packaging/linux/hdcompose.png; DEFAULT_TYPES="app-image deb" ;;
  mac) PLATFORM=osx-$ARCH; ICON=packaging/macos/hdcompose.icns; DEFAULT_TYPES="app-image dmg" ;;
  windows) PLATFORM=win-$ARCH; ICON=packaging/windows/hdcompose.ico; DEFAULT_TYPES="app-image msi" ;;
esac
TYPES=${TYPES:-$DEFAULT_TYPES}

# Version from the pom (first <version> is the project's); jpackage wants 1-3 numbers.
VERSION=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' pom.xml | head -1)
VERSION=${VERSION%-SNAPSHOT}
APP_VERSION=$VERSION
if [[ $OS == mac && ${VERSION%%.*} == 0 ]]; then
  APP_VERSION="1.${VERSION#*.}"   # macOS bundle versions must not start with 0
  log "macOS: bundle version $APP_VERSION for project version $VERSION"
fi
log "HD Compose $VERSION for $PLATFORM: $TYPES"

# 1. The shaded jar.
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f target/hdcompose.jar ]]; then
  log "mvn package"
  # shellcheck disable=SC2086
  mvn -B ${MVN_ARGS:-} package -DskipTests
fi

# 2. Split it: a jar without natives + this platform's natives in native/ (loaded from there at run time).
rm -rf "$STAGE" "$DIST/$APP_NAME" "$DIST/$APP_NAME.app"
for type in $TYPES; do [[ $type == app-image ]] || rm -f "$DIST"/*."$type"; done
mkdir -p "$STAGE/input/native"
# Entries stored uncompressed: the installer's xz then packs the classes as one stream (jar 12.9 MB deflated ->
# 11.4 MB in xz; 28.5 MB stored -> 5.4 MB in xz).
"$(bin java)" -Dtrimjar.store=true packaging/TrimJar.java target/hdcompose.jar "$STAGE/input/hdcompose.jar" "$STAGE/input/native" "$PLATFORM"
if [[ $OS == linux ]] && command -v strip >/dev/null; then
  # OpenCV's .so keeps its full symbol table (about 7 MB); JNI needs only the dynamic symbols.
  strip --strip-unneeded "$STAGE"/input/native/*.so
fi

# 3. Models and demo assets ship inside the application directory.
if [[ -d models ]]; then
  mkdir -p "$STAGE/input/models"
  find models -maxdepth 1 -type f \( -name '*.onnx' -o -name '*.json' -o -name '*.md' \) -exec cp {} "$STAGE/input/models/" \;
else
  log "WARNING: no models/ directory: the installer will only offer the classic harmonizer"
fi
if [[ -d assets ]]; then
  cp -R assets "$STAGE/input/assets"
else
  log "WARNING: no assets/ directory: no demo scene in the installer"
fi

# 4. A trimmed Java runtime: only the JDK modules the jar needs (JavaFX stays on the class path).
MODULES=$("$(bin jdeps)" --print-module-deps --ignore-missing-deps --multi-release 17 "$STAGE/input/hdcompose.jar")
MODULES="$MODULES,jdk.zipfs"   # service-loaded (zip file system for .hdcomp projects): invisible to jdeps
# jdk.jfr is referenced only by JavaFX's optional JFR pulse logger, which checks that the module is present (-0.6 MB).
MODULES=$(echo "$MODULES" | tr ',' '\n' | grep -vx 'jdk.jfr' | paste -sd, -)
log "jlink modules: $MODULES"
# --compress=0: the installers compress anyway, and xz shrinks a plain jimage far better than a zipped one
# (measured: runtime 74 MB plain -> 17.2 MB xz, 49 MB --compress=2 -> 28.6 MB xz); classes also load without inflating.
"$(bin jlink)" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress="${JLINK_COMPRESS:-0}" \
  --output "$STAGE/runtime"

# 5. jpackage: the app-image, then the installer built from it.
JAVA_OPTIONS=(
  '-Dhdcompose.native.dir=$APPDIR/native'
  '-Donnxruntime.native.path=$APPDIR/native'
  '-Djava.library.path=$APPDIR/native'
  '-Dhdcompose.models.dir=$APPDIR/models'
  '-Dhdcompose.assets.dir=$APPDIR/assets'
  '-Xss4m'
)
if [[ $OS == linux ]]; then
  # Class-data sharing archive written by the .deb's postinst for the install location (see step 5b); ignored if absent.
  JAVA_OPTIONS+=('-XX:SharedArchiveFile=$APPDIR/hdcompose.jsa' '-Xshare:auto')
fi
JP_JAVA_OPTIONS=()
for o in "${JAVA_OPTIONS[@]}"; do JP_JAVA_OPTIONS+=(--java-options "$o"); done
COMMON=(--name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
  --copyright "Copyright (c) 2026 $VENDOR" --icon "$ICON" --dest "$DIST")

IMAGE_EXTRA=()
if [[ $OS == mac ]]; then
  # Info.plist is written with the app-image: bundle id, name and document types belong to this step on macOS.
  IMAGE_EXTRA=(--mac-package-identifier com.hdcompose.app --mac-package-name "$APP_NAME"
               --file-associations packaging/hdcomp.properties)
fi
log "jpackage app-image"
"$(bin jpackage)" --type app-image "${COMMON[@]}" \
  --input "$STAGE/input" --main-jar hdcompose.jar --main-class com.hdcompose.Main \
  --runtime-image "$STAGE/runtime" "${JP_JAVA_OPTIONS[@]}" \
  --add-launcher hdcompose=packaging/cli-launcher.properties ${IMAGE_EXTRA[@]+"${IMAGE_EXTRA[@]}"}

case "$OS" in
  linux) IMAGE="$DIST/$APP_NAME"; SELF_TEST="\"$IMAGE/bin/hdcompose\" --self-test" ;;
  mac) IMAGE="$DIST/$APP_NAME.app"; SELF_TEST="\"$IMAGE/Contents/MacOS/hdcompose\" --self-test" ;;
  windows) IMAGE="$DIST/$APP_NAME"; SELF_TEST="\"$IMAGE/hdcompose.exe\" --self-test" ;;
esac

# 5b. Linux: the classes the editor loads up to its first window, for the AppCDS archive the .deb's postinst dumps
# at the install path (JDK 17 archives are bound to the class path; measured: first window 2.7 s instead of 4.4 s).
if [[ $OS == linux && "${APPCDS:-1}" == 1 ]] && command -v xvfb-run >/dev/null; then
  log "class list for AppCDS (editor under Xvfb)"
  rm -f "$STAGE/hdcompose.classlist"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$STAGE/hdcompose.classlist -Dhdcompose.exit.after.shown=1500" \
    timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" "$IMAGE/bin/$APP_NAME" >/dev/null 2>&1 || true
  if [[ -s "$STAGE/hdcompose.classlist" ]]; then
    cp "$STAGE/hdcompose.classlist" "$IMAGE/lib/app/"
    log "class list: $(wc -l < "$STAGE/hdcompose.classlist") classes"
  else
    log "WARNING: no class list (editor did not start under Xvfb): the package will start without AppCDS"
  fi
fi

for type in $TYPES; do
  [[ $type == app-image ]] && continue
  log "jpackage $type"
  EXTRA=()
  case "$OS" in
    linux) EXTRA=(--resource-dir packaging/linux/resources --linux-package-name hdcompose --linux-shortcut --linux-menu-group Graphics
                  --linux-app-category graphics --linux-deb-maintainer "hdcompose@users.noreply.github.com") ;;
    windows) EXTRA=(--win-menu --win-menu-group "$APP_NAME" --win-shortcut --win-dir-chooser
                    --win-upgrade-uuid 5f0b8f1e-3c52-4b8e-9a3e-6d2f3f0c8a11) ;;
    mac) EXTRA=(--mac-package-identifier com.hdcompose.app --mac-package-name "$APP_NAME") ;;
  esac
  "$(bin jpackage)" --type "$type" "${COMMON[@]}" --app-image "$IMAGE" \
    --file-associations packaging/hdcomp.properties "${EXTRA[@]}"
done

# 6. What was built and what takes the space.
log "done in $(( $(date +%s) - t0 )) s"
du -sh "$IMAGE" 2>/dev/null || true
du -sh "$STAGE/runtime" "$STAGE/input/native" "$STAGE/input/hdcompose.jar" 2>/dev/null || true
[[ -d "$STAGE/input/models" ]] && du -sh "$STAGE/input/models"
[[ -d "$STAGE/input/assets" ]] && du -sh "$STAGE/input/assets"
find "$DIST" -maxdepth 1 -type f \( -name '*.deb' -o -name '*.rpm' -o -name '*.msi' -o -name '*.exe' -o -name '*.dmg' -o -name '*.pkg' \) \
  -exec ls -l {} \;
log "self-test: $SELF_TEST"
