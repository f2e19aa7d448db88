#!/usr/bin/env bash
# Wrap dist/Rapport.app (built by `pyinstaller packaging/rapport.spec` on macOS) in a
# compressed disk image with the usual drag-to-Applications link:
#
#   bash packaging/macos/make-dmg.sh [APP] [OUT_DIR]
#
# Result: OUT_DIR/Rapport-VERSION-macos-ARCH.dmg (VERSION from desktop/__init__.py,
# ARCH from uname -m). Sign and notarise the .app before this step (packaging/README.md)
# if the image is for people other than you. Needs macOS (hdiutil).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
app=${1:-$ROOT/dist/Rapport.app}
out=${2:-$ROOT/build/dist}
[ -d "$app" ] || { echo "no app bundle at $app: run pyinstaller packaging/rapport.spec" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "hdiutil not found: this script runs on macOS" >&2; exit 1; }

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/desktop/__init__.py")
dmg="$out/Rapport-$version-macos-$(uname -m).dmg"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# ditto keeps the bundle's symlinks, extended attributes and code signature intact.
ditto "$app" "$stage/Rapport.app"
ln -s /Applications "$stage/Applications"
mkdir -p "$out"
rm -f "$dmg"
hdiutil create -volname "Rapport $version" -srcfolder "$stage" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 -ov "$dmg" >/dev/null
hdiutil verify "$dmg" >/dev/null
echo "$dmg"
