"""Train the learned resolver of whom a promise is with (``promise_person.py``).

    python tests/benchmarks/arrival_readings.py   # once per round, after new sets land
    python tests/benchmarks/train_promise_person.py [--validate FILE...] [--write]

The resolver must learn when the rules' choice of person is wrong, and the rules of today
are almost never wrong on the notes they were tuned on. So it trains on the readings each
development set got **when it arrived**, from the parser that had never seen it
(``tests/fixtures/capture/arrival/readings.json.gz``, written by
``arrival_readings.py``): there the rules err as they do on a new writer's notes. Each
promise of such a reading is paired with the annotated promise of the closest words (as
the quality benchmark's "promise parts" pair them), and every candidate person of the note
becomes one example: the pair's features, and whether the annotation gives the promise to
that person. A promise whose annotated person is no candidate teaches nothing and is left
out. A logistic model (L2, AdaGrad, a fixed order: ``train_who_scorer.train``) learns from
them.

On the **validation** sets (``--validate``, by default ``heldout35``-``heldout37``: new
writers' notes no rule was tuned on, never trained on while choosing) the script reads
each note with today's parser, the resolver left out, and prints the promises right
without the resolver and with it at each margin (how much more likely the model's
candidate must be than the rules' one to replace it); it chooses the margin of the most
promises right (of equal counts, the widest: fewer overrides); none better than the rules:
a margin nothing reaches. The **blind** sets (``BLIND``) are not read. ``--write`` writes
the weights trained on the arrival readings, with the chosen margin as the model's
``threshold``; no learned part ever trains on the validation notes, so they stay new
writers' notes. The resolver reads the who-scorer's opinion of each name (``likeness``):
retrain it after the who-scorer.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from arrival_readings import recorded  # noqa: E402
from bench_capture_quality import (  # noqa: E402
    _match,
    _proposals,
    note_names,
    pair_promises,
    promise_matcher,
)
from train_promise_finder import (  # noqa: E402
    PERSON_VALIDATION,
    sets,
    trainer_arguments,
    write_weights,
)
from train_who_scorer import train  # noqa: E402

from desktop.domain.capture import promise_person as pp  # noqa: E402
from desktop.domain.capture.parser import _known, _parse  # noqa: E402
from desktop.domain.capture.promise_finder import Model  # noqa: E402
from desktop.domain.capture.results import (  # noqa: E402
    CaptureParse,
    ParsedCommitment,
    ParsedIntroduction,
)
from desktop.domain.capture.rules import EnglishRules  # noqa: E402

WEIGHTS = ROOT / "desktop" / "domain" / "capture" / pp.WEIGHTS_FILE
VALIDATION = PERSON_VALIDATION
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
NEVER_REACHED = 1.01


class _WithoutResolver(EnglishRules):
    learned_person = False


def _item(note: dict[str, Any], parse: CaptureParse, known: list[str]) -> dict[str, Any]:
    everyone = pp.candidates(
        note["text"],
        parse.people,
        parse.commitments,
        parse.introductions,
        known,
        parse.organizations.values(),
    )
    return {"note": note, "parse": parse, "known": known, "everyone": everyone}


def read(note: dict[str, Any]) -> dict[str, Any]:
    """A note with today's parser's reading of it, the resolver left out."""
    known = _known(tuple(note.get("known") or ()))
    now = datetime.fromisoformat(note["today"] + "T18:00")
    return _item(note, _parse(note["text"], now, known, _WithoutResolver()), known)


def _reading(raw: dict[str, Any], text: str) -> CaptureParse:
    """A recorded reading as the parser returns it."""
    return CaptureParse(
        people=tuple(raw["people"]),
        organization="",
        place="",
        commitments=tuple(
            ParsedCommitment(
                c["owner"],
                c["description"],
                c["person_name"],
                date.fromisoformat(c["due"]) if c["due"] else None,
                c["due_text"],
                (c["span"][0], c["span"][1]),
            )
            for c in raw["commitments"]
        ),
        introductions=tuple(
            ParsedIntroduction(
                i["introducer"], i["person"], i["to"], i["done"], (i["span"][0], i["span"][1])
            )
            for i in raw["introductions"]
        ),
        tags=(),
        notes=text,
        organizations=raw["organizations"],
    )


def arrivals(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The development notes with the readings they got when they arrived."""
    readings = recorded()
    out = []
    for path in paths:
        for note in json.loads(path.read_text(encoding="utf-8")):
            raw = readings.get(f"{path.name}:{note['id']}")
            if raw is None:
                continue  # a set added after the readings were recorded
            known = _known(tuple(note.get("known") or ()))
            out.append(_item(note, _reading(raw, note["text"]), known))
    return out


def pairs(item: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    """Each proposed promise with the annotated one of the closest words (or person), as
    the benchmark's "promise parts" pair them."""
    proposed = _proposals(item["parse"])["promises"]
    found = pair_promises(proposed, item["note"]["promises"], note_names(item["note"]))
    return [(item["parse"].commitments[k], want) for k, want, _ratio in found]


def examples(item: dict[str, Any]) -> list[tuple[list[str], int]]:
    """Every (promise, candidate) pair of a note, labelled."""
    names = note_names(item["note"])
    text, everyone = item["note"]["text"], item["everyone"]
    out = []
    for got, want in pairs(item):
        labels = [int(names.same(c.name, want["person"])) for c in everyone]
        if not any(labels):
            continue
        n = len(item["parse"].people)
        out += [
            (pp.features(text, got, c, everyone, n), y)
            for c, y in zip(everyone, labels, strict=True)
        ]
    return out


def score(items: list[dict[str, Any]], weights: Model | None) -> tuple[int, int, int]:
    """(right, proposed, expected) promises, with the resolver at ``weights`` (None: off)."""
    right = proposed = expected = 0
    for item in items:
        parse, note = item["parse"], item["note"]
        commitments = parse.commitments
        if weights is not None and commitments:
            commitments = pp.resolve(
                note["text"],
                parse.people,
                commitments,
                parse.introductions,
                item["known"],
                weights,
                parse.organizations.values(),
            )
        got = _proposals(replace(parse, commitments=tuple(commitments)))
        r, _e, _m = _match(got["promises"], note["promises"], promise_matcher(note_names(note)))
        right, proposed, expected = (
            right + r,
            proposed + len(got["promises"]),
            expected + len(note["promises"]),
        )
    return right, proposed, expected


def main(argv: list[str] | None = None) -> int:
    args = trainer_arguments(__doc__ or "", argv, VALIDATION)
    dev_paths, vnotes = sets(args.validate)
    dev = arrivals(dev_paths)
    val = [read(n) for n in vnotes]
    data = [x for item in dev for x in examples(item)]
    print(
        f"{len(dev)} development notes as they arrived, {len(data)} examples;"
        f" {len(val)} validation notes"
    )
    bias, weights = train(data)
    base = score(val, None)
    print(f"validation without the resolver: promises right/proposed/expected {base}")
    best_right, margin = base[0], NEVER_REACHED
    for m in MARGINS:
        got = score(val, Model(bias, m, weights))
        print(f"  margin {m:.2f}: {got}")
        if got[0] > best_right or (got[0] == best_right and margin < NEVER_REACHED):
            best_right, margin = got[0], m
    print(f"chosen margin {margin}")
    if args.write:  # trained on the development notes only: validation stays unseen
        write_weights(WEIGHTS, bias, margin, weights)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
