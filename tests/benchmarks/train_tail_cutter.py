"""Train the learned cutter of asides after a promise (``desktop/domain/capture/tail_cutter.py``).

    python tests/benchmarks/train_tail_cutter.py [--validate FILE...] [--write]

The parser (without the cutter) reads each annotated note of ``tests/fixtures/capture``;
every promise it proposes whose words end in a tail ("…, said fine", "… (not Thursday)")
and that the note has (same owner, words at least 70% alike, its words or its words
without the tail) is one example: the tail's features, and whether the annotated words
are closer to the promise without it. A logistic model (the who-scorer's trainer) learns
from them. Development, validation and blind notes as in ``train_promise_finder.py``:
the threshold is the highest of the best promise recall on the validation notes whose
precision does not fall below the parser's without the cutter. ``--write`` trains once
more on development and validation notes and writes the weights beside the cutter.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_capture_quality import _proposals, _ratio  # noqa: E402
from train_promise_finder import (  # noqa: E402
    Run,
    choose_threshold,
    notes_of,
    retrain_and_write,
    sets,
    trainer_arguments,
)
from train_who_scorer import train  # noqa: E402

from desktop.domain.capture import tail_cutter as tc  # noqa: E402
from desktop.domain.capture.parser import _parse  # noqa: E402
from desktop.domain.capture.promise_finder import Model  # noqa: E402
from desktop.domain.capture.rules import EnglishRules  # noqa: E402

WEIGHTS = ROOT / "desktop" / "domain" / "capture" / tc.WEIGHTS_FILE
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _rules(model: Model | None) -> EnglishRules:
    rules = EnglishRules()
    rules.learned_tails = model is not None
    return rules


def _run(note: dict[str, Any], model: Model | None) -> Any:
    now = datetime.fromisoformat(note["today"] + "T18:00")
    if model is None:
        return _parse(note["text"], now, note.get("known") or (), _rules(None))
    original = tc.model
    tc.model = lambda: model  # type: ignore[assignment]
    try:
        return _parse(note["text"], now, note.get("known") or (), _rules(model))
    finally:
        tc.model = original  # type: ignore[assignment]


def examples(note: dict[str, Any]) -> list[tuple[list[str], int]]:
    """Each proposed promise with a tail that the note has, labelled."""
    out = []
    for p in _proposals(_run(note, None))["promises"]:
        tail = tc.tail_of(p["description"], p["owner"])
        if tail is None:
            continue
        cut = p["description"][: tail.at]
        wants = [w for w in note["promises"] if w["owner"] == p["owner"]]
        if not wants:
            continue
        want = max(wants, key=lambda w: _ratio(p["description"], w["description"]))
        whole, short = (
            _ratio(p["description"], want["description"]),
            _ratio(cut, want["description"]),
        )
        if max(whole, short) < 70:
            continue
        out.append((list(tail.features), int(short > whole)))
    return out


def main(argv: list[str] | None = None) -> int:
    args = trainer_arguments(__doc__, argv)
    dev, vnotes = sets(args.validate)
    data = [x for n in notes_of(dev) for x in examples(n)]
    print(f"{len(data)} examples, {sum(y for _f, y in data)} asides")
    bias, weights = train(data)

    def at(t: float) -> Run:
        return lambda note: _run(note, Model(bias, t, weights))

    # unlike the finder's, no precision given: a cut changes a promise's words but adds
    # no guess
    threshold = choose_threshold(
        vnotes,
        lambda note: _run(note, None),
        at,
        THRESHOLDS,
        part="the cutter",
        precision_given=0.0,
    )
    if args.write:
        retrain_and_write(WEIGHTS, data, vnotes, examples, threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
