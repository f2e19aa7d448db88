"""Train the learned promise finder (``desktop/domain/capture/promise_finder.py``).

    python tests/benchmarks/train_promise_finder.py [--validate FILE...] [--write]

The parser reads each annotated note of ``tests/fixtures/capture`` twice: as the rules
read it (the finder takes nothing), and with the finder taking every reading it has.
Each promise only the second reading proposes is one example: the features of its
reading, and whether it finds a promise the rules alone missed — the same owner and
words at least 70% alike (its person and date come from the rules' own passes, so they
are no part of the label). A logistic model (the who-scorer's trainer: L2, AdaGrad, a
fixed order) learns from them. (Learning from the rules' own readings as well was tried:
more recall on the validation notes, two points less precision.)

As for the who-scorer, three kinds of notes keep the figures honest:

* **development** sets train the model;
* **validation** sets (``--validate``; by default the previous round's blind sets,
  ``heldout29``-``heldout31``) choose the threshold: the script prints promises
  precision/recall of the rules alone and of rules + finder at each threshold and picks
  the best recall whose precision stays within half a point of the rules' own (of equal
  best recall, the highest threshold: fewer guesses). Until round 15 a recall within
  half a point of the best counted as equal; that picked a threshold that read one
  validation promise fewer, and a promise dropped costs the user more than one proposed
  wrongly, which the preview drops in one click;
* **blind** sets of the current round (``BLIND``) are not read here at all.

``--write`` trains once more on development and validation notes together and writes
the weights and the threshold beside the finder. Run on demand. The aside cutter's
trainer (``train_tail_cutter.py``) shares the pieces below.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_capture_quality import (  # noqa: E402
    CORPUS,
    _match,
    _proposals,
    _ratio,
    note_names,
    promise_matcher,
)
from train_who_scorer import MIN_COUNT, NEVER, train  # noqa: E402

from desktop.domain.capture import promise_finder as pf  # noqa: E402
from desktop.domain.capture.parser import _parse  # noqa: E402
from desktop.domain.capture.rules import EnglishRules  # noqa: E402

WEIGHTS = ROOT / "desktop" / "domain" / "capture" / pf.WEIGHTS_FILE
VALIDATION = ("heldout29.json", "heldout30.json", "heldout31.json")
BLIND = ("heldout38.json", "heldout39.json", "heldout40.json")
# the validation sets of the resolver of whom a promise is with (``train_promise_person``):
# no learned part trains on them, so they stay new writers' notes to every part
PERSON_VALIDATION = ("heldout35.json", "heldout36.json", "heldout37.json")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
PRECISION_GIVEN = 0.005  # how much promise precision the finder may cost, at most


def _detected(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same promise found, whatever its person or date: its owner and its words."""
    return a["owner"] == b["owner"] and _ratio(a["description"], b["description"]) >= 70


def _run(note: dict[str, Any], accept: Any) -> Any:
    now = datetime.fromisoformat(note["today"] + "T18:00")
    return _parse(note["text"], now, note.get("known") or (), EnglishRules(), accept)


def examples(note: dict[str, Any]) -> list[tuple[list[str], int]]:
    """The finder's readings in one note that became promises, labelled."""
    base = _proposals(_run(note, lambda _c, _r: False))["promises"]
    _right, _extra, missed = _match(base, note["promises"], promise_matcher(note_names(note)))
    seen: dict[int, pf.Reading] = {}

    def take(clause: Any, reading: pf.Reading) -> bool:
        seen[clause.start] = reading  # the second reading (people added) overwrites
        return True

    parse = _run(note, take)
    had = {(p["owner"], p["description"]) for p in base}
    out = []
    for c, p in zip(parse.commitments, _proposals(parse)["promises"], strict=True):
        reading = seen.get(c.span[0])
        if reading is None or (p["owner"], p["description"]) in had:
            continue
        hit = next((k for k, want in enumerate(missed) if _detected(p, want)), None)
        if hit is not None:
            del missed[hit]
        out.append((list(reading.features), int(hit is not None)))
    return out


def write_weights(path: Path, bias: float, threshold: float, weights: dict[str, float]) -> None:
    """A linear model's file: bias, threshold, and the weights that matter, rounded."""
    kept = {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-3}
    body = {"bias": round(bias, 4), "threshold": threshold, "weights": kept}
    path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.name}: {len(kept)} weights (features of {MIN_COUNT}+ examples)")


def retrain_and_write(
    path: Path,
    data: list[tuple[list[str], int]],
    validation: list[dict[str, Any]],
    examples: Callable[[dict[str, Any]], list[tuple[list[str], int]]],
    threshold: float,
) -> None:
    """Train once more on the development examples and the validation notes' together,
    and write the weights with the threshold chosen on validation."""
    bias, weights = train([*data, *(x for n in validation for x in examples(n))])
    write_weights(path, bias, threshold, weights)


def trainer_arguments(
    doc: str, argv: list[str] | None, validation: Iterable[str] = VALIDATION
) -> argparse.Namespace:
    """The command line every trainer of a learned capture part takes."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--validate", nargs="*", default=list(validation))
    ap.add_argument("--write", action="store_true")
    return ap.parse_args(argv)


def notes_of(paths: Iterable[Path]) -> list[dict[str, Any]]:
    return [n for p in paths for n in json.loads(p.read_text(encoding="utf-8"))]


def sets(validate: Iterable[str]) -> tuple[list[Path], list[dict[str, Any]]]:
    """The development files (all but ``heldout.json``, the validation and the blind
    sets) and the validation notes."""
    held = {NEVER, *BLIND, *PERSON_VALIDATION, *validate}
    dev = [p for p in sorted(CORPUS.glob("*.json")) if p.name not in held]
    return dev, notes_of(CORPUS / v for v in validate)


Run = Callable[[dict[str, Any]], Any]  # a note -> the parser's reading of it


def promise_score(notes: list[dict[str, Any]], run: Run) -> tuple[int, int, int]:
    """(right, proposed, expected) promises over ``notes``, as the benchmark counts."""
    right = proposed = expected = 0
    for note in notes:
        got = _proposals(run(note))["promises"]
        r, _e, _m = _match(got, note["promises"], promise_matcher(note_names(note)))
        right, proposed, expected = right + r, proposed + len(got), expected + len(note["promises"])
    return right, proposed, expected


def choose_threshold(
    notes: list[dict[str, Any]],
    base: Run,
    at: Callable[[float], Run],
    thresholds: Iterable[float],
    *,
    part: str,
    precision_given: float,
) -> float:
    """Print promises precision/recall on ``notes`` without the learned part (``base``)
    and with it at each threshold (``at``), and choose: the best recall whose precision
    stays within ``precision_given`` of the base's; of equal best recall,
    the highest threshold; none better than the base: a threshold nothing reaches."""
    got = promise_score(notes, base)
    bp, br = _pr(got)
    print(f"validation without {part}: promises P {bp:.3f} R {br:.3f} {got}")
    tried: list[tuple[float, float]] = []  # (recall, threshold) of those precise enough
    for t in thresholds:
        got = promise_score(notes, at(t))
        p, r = _pr(got)
        print(f"  threshold {t:.2f}: promises P {p:.3f} R {r:.3f} {got}")
        if p >= bp - precision_given and r > br:
            tried.append((r, t))
    top = max((r for r, _t in tried), default=0.0)
    threshold = max((t for r, t in tried if r >= top), default=1.01)
    print(f"chosen threshold {threshold}")
    return threshold


def _pr(t: tuple[int, int, int]) -> tuple[float, float]:
    right, proposed, expected = t
    return right / max(proposed, 1), right / max(expected, 1)


def main(argv: list[str] | None = None) -> int:
    args = trainer_arguments(__doc__, argv)
    dev, vnotes = sets(args.validate)
    data = [x for n in notes_of(dev) for x in examples(n)]
    right = sum(y for _f, y in data)
    print(f"{len(data)} examples from {len(dev)} development sets, {right} right")
    bias, weights = train(data)

    def at(t: float) -> Run:
        def accept(_c: Any, r: pf.Reading) -> bool:
            return pf.probability(r.features, bias, weights) >= t

        return lambda note: _run(note, accept)

    threshold = choose_threshold(
        vnotes,
        lambda note: _run(note, lambda _c, _r: False),
        at,
        THRESHOLDS,
        part="the finder",
        precision_given=PRECISION_GIVEN,
    )
    if args.write:
        retrain_and_write(WEIGHTS, data, vnotes, examples, threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
