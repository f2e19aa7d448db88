"""How closely a second annotation of corpus notes agrees with the corpus's own.

    python tests/benchmarks/capture_agreement.py FILE [--parser] [--failures]

``FILE`` holds notes of ``tests/fixtures/capture`` annotated again by someone who never
saw the first annotation (same ``id``, ``today``, ``known`` and ``text``). Each of its
annotations is scored as if it were the parser's proposal, against the corpus's, with the
benchmark's own comparison: the agreement between two annotators, which is as high as a
parser can be expected to score on those notes. ``--parser`` prints the parser's figures
on the same notes beside it. Round 15's second annotation of 60 notes of heldout23-25 is
``tests/fixtures/capture/agreement/second-annotator-heldout23-25.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_capture_quality import CORPUS, Score, report, score_note, score_notes  # noqa: E402


def _as_proposal(note: dict[str, Any]) -> dict[str, Any]:
    """An annotated note in the shape the benchmark compares proposals in."""
    return {
        "people": list(note["people"]),
        "organizations": dict(note.get("organizations") or {}),
        "place": note.get("place", ""),
        "promises": [dict(p) for p in note["promises"]],
        "introductions": [dict(i) for i in note.get("introductions", [])],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--parser", action="store_true", help="the parser's figures beside")
    ap.add_argument("--failures", action="store_true", help="list each disagreement")
    args = ap.parse_args(argv)
    corpus = {
        n["id"]: n for p in sorted(CORPUS.glob("*.json")) for n in json.loads(p.read_text("utf-8"))
    }
    second = json.loads(args.file.read_text("utf-8"))
    missing = [n["id"] for n in second if n["id"] not in corpus]
    if missing:
        print(f"not in the corpus: {', '.join(missing)}", file=sys.stderr)
        return 2
    agreement = Score()
    for note in second:
        agreement.add(score_note(corpus[note["id"]], _as_proposal(note)))
    print(report("second annotation vs the corpus's", agreement))
    if args.failures:
        print("\n".join(agreement.failures))
    if args.parser:
        print(report("the parser vs the corpus's", score_notes(corpus[n["id"]] for n in second)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
