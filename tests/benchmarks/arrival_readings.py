"""Record how the parser read each development set of the capture corpus when it arrived.

    python tests/benchmarks/arrival_readings.py [--out FILE]

Every set of ``tests/fixtures/capture`` was written by someone who never saw the parser,
and the rules were then tuned on it: the parser of today reads it almost perfectly, which
says nothing of how it reads a new writer's notes. The parser of the commit before the set
was added had never seen it; its reading is what a new writer gets. This script checks out
that commit of each set in a temporary git worktree, runs its ``parse_capture`` on the set,
and writes every reading (people, organizations, place, promises, introductions), keyed by
``file:id`` (ids repeat across the early sets), to
``tests/fixtures/capture/arrival/readings.json.gz``: the training data of the learned
resolver of whom a promise is with (``train_promise_person.py``), which learns when the
rules' choice is wrong from the rules' own mistakes on unseen notes.

It needs the repository's history (not a shallow clone); the file it writes is committed,
so training does not. The blind and validation sets of the trainers and ``heldout.json``
are left out.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "capture"
OUT = CORPUS / "arrival" / "readings.json.gz"

# run inside the worktree: read the given sets with that commit's parser, print JSON
_READER = r"""
import importlib, json, sys
from datetime import datetime
root, files = sys.argv[1], sys.argv[2:]
sys.path.insert(0, root)
try:
    mod = importlib.import_module("desktop.domain.capture.parser")
except ImportError:
    mod = importlib.import_module("desktop.domain.capture")
assert mod.__file__.startswith(root), mod.__file__
out = {}
for f in files:
    for note in json.load(open(f, encoding="utf-8")):
        now = datetime.fromisoformat(note["today"] + "T18:00")
        p = mod.parse_capture(note["text"], now=now, known_names=note.get("known") or ())
        out[f.rsplit("/", 1)[-1] + ":" + note["id"]] = {
            "people": list(p.people),
            "place": p.place,
            "organizations": dict(getattr(p, "organizations", {}) or {}),
            "commitments": [
                {
                    "owner": c.owner,
                    "description": c.description,
                    "person_name": c.person_name,
                    "due": c.due.isoformat() if c.due else None,
                    "due_text": getattr(c, "due_text", ""),
                    "span": list(getattr(c, "span", (0, len(note["text"])))),
                }
                for c in p.commitments
            ],
            "introductions": [
                {
                    "introducer": i.introducer,
                    "person": i.person,
                    "to": i.to,
                    "done": i.done,
                    "span": list(getattr(i, "span", (0, 0))),
                }
                for i in p.introductions
            ],
        }
print(json.dumps(out))
"""


def recorded(path: Path = OUT) -> dict[str, dict[str, Any]]:
    """The recorded readings, keyed ``file:id``."""
    readings: dict[str, dict[str, Any]] = json.loads(gzip.decompress(path.read_bytes()))
    return readings


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def added_in(path: Path) -> str:
    """The commit that first added ``path``."""
    return _git("log", "--diff-filter=A", "--format=%H", "--", str(path)).splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    from train_promise_finder import BLIND, NEVER
    from train_promise_person import VALIDATION

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    left_out = {NEVER, *BLIND, *VALIDATION}
    by_commit: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(CORPUS.glob("*.json")):
        if path.name not in left_out:
            by_commit[added_in(path)].append(path)
    readings: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        for commit, paths in sorted(by_commit.items()):
            _git("worktree", "add", "--force", "--detach", str(tree), commit + "^")
            try:
                done = subprocess.run(
                    [sys.executable, "-c", _READER, str(tree), *map(str, paths)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
            finally:
                _git("worktree", "remove", "--force", str(tree))
            got = json.loads(done.stdout)
            readings.update(got)
            print(f"{commit[:7]}^: {len(got)} notes of {', '.join(p.name for p in paths)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(readings, ensure_ascii=False, sort_keys=True).encode("utf-8")
    args.out.write_bytes(gzip.compress(body, mtime=0))
    print(f"wrote {args.out.relative_to(ROOT)}: {len(readings)} notes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
