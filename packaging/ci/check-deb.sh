#!/usr/bin/env bash
# CI: build the .deb (and an older-versioned twin from the same bundle), then on this
# machine, as a user would:
#   1. install the older package, make a data folder with a person in it;
#   2. install the newer package over it: the data is kept and still readable, and a data
#      file in the first release's schema is upgraded (after a backup) with nothing lost;
#   3. `rapport selftest` from /usr/bin against a fresh folder; the desktop entry and the
#      AppStream metainfo validate where they were installed;
#   4. `apt-get remove`: nothing of the package is left, the data folder is untouched.
# Needs root (or sudo), apt-get, desktop-file-utils and appstream (.ci/run installs them).
#
# Usage: bash packaging/ci/check-deb.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Other jobs on the machine may hold the dpkg lock for a while: wait instead of failing.
APT=($SUDO apt-get -y -qq -o DPkg::Lock::Timeout=600)
export QT_QPA_PLATFORM=offscreen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "check-deb: $*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' rapport 2>/dev/null | grep -q "ok installed"; then
  echo "== deb: a rapport package is already installed (an earlier run?); removing it first"
  "${APT[@]}" remove rapport >/dev/null
fi
[ ! -e /usr/bin/rapport ] || fail "/usr/bin/rapport exists but belongs to no rapport package"

echo "== deb: build"
debs="$work/debs"
new=$(bash packaging/linux/build-deb.sh --fast --out "$debs")
version=$(dpkg-deb -f "$new" Version)
old=$(bash packaging/linux/build-deb.sh --fast --out "$debs" --version "0.0.1~ci")
dpkg --compare-versions "0.0.1~ci" lt "$version" || fail "test version is not older"
ls -l "$debs"

echo "== deb: install $(basename "$old"), then make a data folder"
"${APT[@]}" install "$old" >/dev/null
data="$work/home/.local/share/rapport"
mkdir -p "$data"
rapport note --data-dir "$data" "Met Ana Ruiz (Acme) at PyCon. I'll send her the deck by Friday." \
  >/dev/null
rapport search --data-dir "$data" "Ana" | grep -q "Ana Ruiz" || fail "the old version lost the note"
# And a data file as the first release wrote it (schema 1): the newer package must upgrade it.
old_data="$work/home-v1/.local/share/rapport"
latest_schema=$(python3 packaging/ci/make_old_data.py "$old_data")

echo "== deb: upgrade to $(basename "$new") over it"
"${APT[@]}" install "$new" >/dev/null
[ "$(dpkg-query -W -f='${Version}' rapport)" = "$version" ] || fail "the upgrade did not happen"
rapport search --data-dir "$data" "Ana" | grep -q "Ana Ruiz" || fail "the upgrade lost the data"
command -v rapport | grep -qx /usr/bin/rapport || fail "rapport is not /usr/bin/rapport"
rapport show --data-dir "$old_data" "José Núñez" | grep -q "Acme" || fail "the schema-1 person is lost"
schema=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$old_data/rapport.sqlite3")
[ "$schema" = "$latest_schema" ] || fail "the schema-1 file is at version $schema, not $latest_schema"
ls "$old_data"/backups/*before-v2*.sqlite3* >/dev/null || fail "no backup before the schema upgrade"
rapport selftest --data-dir "$work/fresh"
rapport selftest --data-dir "$data"

echo "== deb: validate the installed desktop entry and metainfo"
desktop-file-validate /usr/share/applications/app.rapport.Rapport.desktop
appstreamcli validate --no-net /usr/share/metainfo/app.rapport.Rapport.metainfo.xml
# Running the program must not have written anything beside it (caches, .pyc, logs).
dpkg -V rapport || fail "installed files changed after running rapport"
extra=$(comm -13 <(dpkg -L rapport | grep '^/opt/rapport' | sort) <(find /opt/rapport | sort))
[ -z "$extra" ] || fail "running rapport wrote into /opt/rapport: $(echo "$extra" | head -3)"

echo "== deb: remove"
dpkg -L rapport >"$work/files"
(cd "$data" && find . -type f -exec sha256sum {} + | sort) >"$work/data-before"
"${APT[@]}" remove rapport >/dev/null
dpkg-query -W -f='${Status}' rapport 2>/dev/null | grep -q "ok installed" && fail "still installed"
# Left over: any file or link of the package, anything under /opt/rapport, or an empty
# folder no other package owns (dpkg removes those; shared folders such as hicolor's stay).
left=()
while read -r path; do
  if [ -L "$path" ] || [ -f "$path" ]; then left+=("$path")
  elif [ -d "$path" ] && { [[ "$path" == /opt/rapport* ]] ||
    { [ -z "$(ls -A "$path")" ] && ! dpkg -S "$path" >/dev/null 2>&1; }; }; then
    left+=("$path/")
  fi
done <"$work/files"
[ ${#left[@]} -eq 0 ] || fail "left after removal: ${left[*]:0:10}"
[ ! -e /opt/rapport ] || fail "/opt/rapport is still there"
(cd "$data" && find . -type f -exec sha256sum {} + | sort) >"$work/data-after"
cmp -s "$work/data-before" "$work/data-after" || fail "removing the package changed the data folder"
echo "== deb: ok ($(wc -l <"$work/files") paths installed and removed; data folder untouched)"
