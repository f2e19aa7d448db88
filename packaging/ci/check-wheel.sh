#!/usr/bin/env bash
# CI: build the sdist and the wheel, check they hold every run-time file, then install the
# wheel the way a Python user would (pipx, into a throw-away PIPX_HOME) and prove the
# installed `rapport` works: `rapport selftest` against a fresh data folder, and the fast
# `rapport capture` path imports. Nothing outside a temporary folder is touched.
#
# Usage: bash packaging/ci/check-wheel.sh   (from anywhere; needs python3 and the index)
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
OUT=build/dist-python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== wheel: build sdist + wheel into $OUT"
rm -rf "$OUT"
"$PYTHON" -m venv "$work/tools"
"$work/tools/bin/pip" install -q build pipx >"$work/pip.log" 2>&1 || { cat "$work/pip.log"; exit 1; }
# `python -m build` builds the sdist first and the wheel from it, so a file the sdist
# forgets is also missing from the wheel, and the check below catches both.
"$work/tools/bin/python" -m build --outdir "$OUT" . >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; exit 1; }
"$PYTHON" packaging/ci/check_dist.py "$OUT"

echo "== wheel: pipx install into a temporary PIPX_HOME"
export PIPX_HOME="$work/pipx" PIPX_BIN_DIR="$work/bin" PIPX_MAN_DIR="$work/man"
wheel=$(ls "$OUT"/rapport_desktop-*.whl)
"$work/tools/bin/pipx" install --python "$PYTHON" "$wheel" >"$work/pipx.log" 2>&1 ||
  { cat "$work/pipx.log"; exit 1; }
rapport="$work/bin/rapport"
[ -x "$rapport" ] || { echo "pipx made no rapport command in $PIPX_BIN_DIR" >&2; exit 1; }

# Run from an empty folder so that nothing resolves against this checkout.
cd "$work"
QT_QPA_PLATFORM=offscreen "$rapport" selftest --data-dir "$work/data"
resources=$("$work/pipx/venvs/rapport-desktop/bin/python" -c \
  'from desktop import paths; print(paths.resources_dir())')
case "$resources" in
  "$work"/pipx/*/desktop/_resources) echo "resources from the installed wheel: $resources" ;;
  *) echo "the installed app reads its resources from $resources, not the wheel" >&2; exit 1 ;;
esac
"$work/pipx/venvs/rapport-desktop/bin/python" -c 'import desktop.commands.capture'
"$rapport" --help >/dev/null
echo "== wheel: ok"
