#!/usr/bin/env bash
# Does installer/silverage.iss compile on a stock Inno Setup 6? Runs the real compiler (ISCC.exe from
# the npm package "innosetup", a plain Inno Setup 6 with only its official languages) under wine,
# against a stub payload (two empty .exe files and an _internal\ folder), so no Windows and no frozen
# build are needed. Exit 0 and "OK: ..." when the installer was produced.
#
# Needs (Debian 12, as root, large and slow the first time):
#   dpkg --add-architecture i386 && apt-get update && apt-get install -y wine wine32:i386 xvfb xauth
#   and npm (for "npm pack innosetup"). Set ISCC_DIR to an unpacked Inno Setup to skip npm.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
WORK="${CHECK_ISS_WORK:-/tmp/silverage-check-iss}"
INNO_VERSION="${INNO_VERSION:-6.4.1}"
WINE="$(command -v wine || command -v wine-stable || true)"
[ -n "$WINE" ] || { echo "wine is not installed (see the top of $0)" >&2; exit 2; }
mkdir -p "$WORK"

if [ -z "${ISCC_DIR:-}" ]; then
  ISCC_DIR="$WORK/innosetup-$INNO_VERSION/package/bin"
  if [ ! -f "$ISCC_DIR/ISCC.exe" ]; then
    mkdir -p "$WORK/innosetup-$INNO_VERSION"
    (cd "$WORK/innosetup-$INNO_VERSION" && npm pack --silent "innosetup@$INNO_VERSION" >/dev/null && tar xzf innosetup-*.tgz)
  fi
fi
# Stock Inno Setup: the Chinese messages must come from installer/, not from the compiler's folder.
if [ -e "$ISCC_DIR/Languages/ChineseSimplified.isl" ]; then
  echo "this Inno Setup has ChineseSimplified.isl in Languages\\: not a stock one" >&2; exit 2
fi

# The stub payload: what PyInstaller puts in dist/silverage, empty.
PAYLOAD="$WORK/payload"
rm -rf "$PAYLOAD" "$WORK/out"; mkdir -p "$PAYLOAD/_internal" "$WORK/out"
: > "$PAYLOAD/silverage.exe"; : > "$PAYLOAD/silverage-gui.exe"; echo stub > "$PAYLOAD/_internal/base_library.zip"

VERSION="$(cd "$ROOT" && python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
winpath() { echo "Z:$(echo "$1" | sed 's|/|\\|g')"; }

export WINEPREFIX="${WINEPREFIX:-$WORK/wineprefix}" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
RUN=("$WINE")
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then RUN=(xvfb-run -a "$WINE"); fi
[ -d "$WINEPREFIX" ] || WINEARCH=win32 "${RUN[@]}" wineboot --init >/dev/null 2>&1 || true

set +e
"${RUN[@]}" "$ISCC_DIR/ISCC.exe" \
  "/DMyAppVersion=$VERSION" "/DMyAppNumericVersion=$VERSION" \
  "/DPayloadDir=$(winpath "$PAYLOAD")" "/DOutputDir=$(winpath "$WORK/out")" \
  "$(winpath "$HERE/silverage.iss")" > "$WORK/iscc.log" 2>&1
status=$?
set -e
tr -d '\r' < "$WORK/iscc.log" | grep -v '^Parsing \|^   Compressing\|^   Reading file' || true
SETUP="$WORK/out/silverage-setup-$VERSION.exe"
if [ $status -ne 0 ] || [ ! -s "$SETUP" ]; then
  echo "FAILED: ISCC exit status $status (full log: $WORK/iscc.log)" >&2
  exit 1
fi
echo "OK: Inno Setup $INNO_VERSION compiled silverage.iss into $SETUP ($(stat -c %s "$SETUP") bytes)"
