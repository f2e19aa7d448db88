#!/usr/bin/env bash
# Build build/dist/rapport_VERSION_ARCH.deb from the PyInstaller folder bundle.
#
#   bash packaging/linux/build-deb.sh [--version VERSION] [--out DIR] [--fast]
#
# The bundle (build/dist/rapport/) is built first when it is missing, with the same
# PyInstaller command as .ci/run. Layout of the package:
#   /opt/rapport/                       the bundle, untouched (the program is self-contained)
#   /usr/bin/rapport                    a symlink to /opt/rapport/rapport (GUI and CLI)
#   /usr/share/applications/            the .desktop entry
#   /usr/share/metainfo/                the AppStream metainfo
#   /usr/share/icons/hicolor/*/apps/    the app icon, every size
#   /usr/share/doc/rapport/copyright
# No maintainer scripts: Debian's icon-cache and desktop-database updates run from dpkg
# triggers owned by those packages, and the program writes nothing beside itself (user
# data lives in ~/.local/share/rapport, which neither install nor removal touches).
#
# --version builds the same bundle under another package version (CI uses it to test an
# upgrade without a second PyInstaller run). --fast uses gzip -1 instead of xz (CI only).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

version=""
out="$ROOT/build/dist"
compression=(-Zxz)
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --fast) compression=(-Zgzip -z1); shift ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
# The one version source is desktop/__init__.py (read, not imported: no venv needed).
app_version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
version=${version:-$app_version}
arch=$(dpkg --print-architecture)
bundle="$ROOT/build/dist/rapport"

if [ ! -x "$bundle/rapport" ]; then
  echo "== deb: no bundle at $bundle; building it with PyInstaller"
  python=${PYTHON:-$ROOT/.venv/bin/python}
  if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
    echo "PyInstaller is missing: run  .venv/bin/pip install -e '.[packaging]'  first" >&2
    exit 1
  fi
  "$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath build/dist --workpath build/work packaging/rapport.spec
fi

stage="$ROOT/build/deb/rapport_${version}_${arch}"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/metainfo" "$stage/usr/share/icons" "$stage/usr/share/doc/rapport"
cp -a "$bundle" "$stage/opt/rapport"
ln -s /opt/rapport/rapport "$stage/usr/bin/rapport"
install -m 0644 packaging/linux/app.rapport.Rapport.desktop "$stage/usr/share/applications/"
install -m 0644 packaging/linux/app.rapport.Rapport.metainfo.xml "$stage/usr/share/metainfo/"
cp -r packaging/linux/icons/hicolor "$stage/usr/share/icons/"
cat >"$stage/usr/share/doc/rapport/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Rapport
Comment: /opt/rapport also carries the Python runtime, Qt (LGPL-3) and PySide6 (LGPL-3)
 and the other libraries listed in the project's pyproject.toml, under their own licenses.

Files: *
Copyright: Rapport contributors
License: MIT
EOF
# Modes a package should have whatever the builder's umask: directories and programs 755,
# everything else 644 (the bundle's shared libraries keep their execute bit).
find "$stage" -type d -exec chmod 0755 {} +
find "$stage/usr/share" -type f -exec chmod 0644 {} +

# Depends: what the bundle links to but does not carry. PyInstaller leaves out the C
# library, OpenGL/EGL, libdrm, libxcb and Wayland's client libraries on purpose (they must
# match the user's system); Qt's xcb platform plugin also needs the xcb helper libraries,
# xkbcommon-x11, fontconfig and D-Bus, which the bundle only carries when the build machine
# had them — so they are named too, and apt installs them.
glibc=$(dpkg-query -W -f='${Version}' libc6 | sed 's/-.*//')
depends=(
  "libc6 (>= $glibc)" libdrm2 libegl1 libgl1 libwayland-client0 libwayland-cursor0
  libwayland-egl1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0
  libfontconfig1 libdbus-1-3
)
# Prove the list complete: every library a bundled ELF file needs must be in the bundle or
# come from a package named above (a new Qt plugin's dependency fails the build here, not
# on a user's laptop).
missing=()
while read -r soname; do
  [ -n "$(find "$bundle" -name "$soname" -print -quit)" ] && continue
  owner=$(dpkg -S "*/$soname" 2>/dev/null | head -1 | cut -d: -f1 || true)
  if [ -z "$owner" ]; then
    missing+=("$soname (no installed package provides it)")
  elif ! printf '%s\n' "${depends[@]}" | grep -qE "^$owner( |$)"; then
    missing+=("$soname (from $owner)")
  fi
done < <(find "$bundle" -type f \( -name '*.so*' -o -name rapport \) -exec readelf -d {} + 2>/dev/null |
  sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | sort -u)
if [ ${#missing[@]} -gt 0 ]; then
  printf 'the bundle needs libraries that Depends does not name:\n' >&2
  printf '  %s\n' "${missing[@]}" >&2
  printf 'add their packages to Depends above (and install them where you build)\n' >&2
  exit 1
fi

installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<EOF
Package: rapport
Version: $version
Architecture: $arch
Maintainer: Rapport contributors <hello@rapport.app>
Installed-Size: $installed_size
Depends: $(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')
Recommends: fonts-dejavu-core
Suggests: gnome-keyring
Section: utils
Priority: optional
Homepage: https://rapport.app
Description: keep who you know, what you talked about and what you promised
 Rapport is a desktop app for people who network by building real relationships
 instead of working the room. It keeps, on your own computer, who you know, what
 you talked about, what each of you promised and how much trust has been built.
 .
 Capture a note right after meeting someone, print a one-page briefing sheet
 before the next event, and see who is waiting on you and who is drifting away.
EOF

mkdir -p "$out"
deb="$out/rapport_${version}_${arch}.deb"
dpkg-deb --root-owner-group "${compression[@]}" --build "$stage" "$deb" >/dev/null
rm -rf "$stage"
echo "$deb"
