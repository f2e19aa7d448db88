#!/usr/bin/env bash
# CI: check .github/workflows/*.yml without running them (GitHub's runners are not here):
# against GitHub's workflow schema (check-jsonschema's bundled copy) and with zizmor's
# offline audits (pinned actions, permissions, credentials, template injection, caches…).
# Both come from the package index into a throw-away venv. zizmor's online audits (e.g.
# whether a pinned SHA really belongs to the action's repository) need the GitHub API and
# are not run here.
#
# Usage: bash packaging/ci/check-workflow.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q check-jsonschema zizmor >"$work/pip.log" 2>&1 ||
  { cat "$work/pip.log"; exit 1; }

workflows=(.github/workflows/*.yml)
echo "== workflows: schema (${workflows[*]})"
"$work/venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows "${workflows[@]}"
echo "== workflows: zizmor --offline"
"$work/venv/bin/zizmor" --offline --no-progress "${workflows[@]}"
echo "== workflows: ok"
