"""Train the learned scorer of who was there (``desktop/domain/capture/who_scorer.py``).

    python tests/benchmarks/train_who_scorer.py [--validate FILE...] [--write]
    python tests/benchmarks/train_who_scorer.py --lone   # the nobody-else threshold

The hand-written rules read each annotated note of ``tests/fixtures/capture``; every
name-like span they did not take becomes one example: its features, and whether the
annotation lists that name among the people met. A logistic model (L2, AdaGrad, a fixed
order, so a run is reproducible) learns from them.

Three kinds of notes keep the figures honest (see the corpus README):

* **development** sets (every ``*.json`` but ``heldout.json``, the validation sets and
  the round's blind sets): the model trains on them;
* **validation** sets (``--validate``, by default the blind sets of the previous round,
  ``heldout29``-``heldout31``): never trained on while choosing; the script prints
  participants precision/recall of the rules alone and of rules + model at each
  threshold, computed as the quality benchmark does, and picks the threshold of the best
  recall whose precision stays within a point of the rules' own (of recall within half
  a point, the highest: fewer guesses);
* **blind** sets of the current round (``BLIND``, ``heldout38``-``heldout40``): not read
  here at all; scored afterwards with ``bench_capture_quality.py``.

``--write`` then trains once more on development and validation notes together (more
examples, same settings) and writes the weights, the threshold and the common words
beside the scorer. Run on demand; the test suite checks the weights it ships.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_capture_quality import CORPUS, Names, _match, fold  # noqa: E402

from desktop.domain.capture import who_scorer as ws  # noqa: E402
from desktop.domain.capture.parser import _known, read_by_rules, rules_view  # noqa: E402
from desktop.domain.capture.rules import EnglishRules  # noqa: E402

WEIGHTS = ROOT / "desktop" / "domain" / "capture" / ws.WEIGHTS_FILE
VALIDATION = ("heldout29.json", "heldout30.json", "heldout31.json")
BLIND = ("heldout38.json", "heldout39.json", "heldout40.json")
# the resolver of whom a promise is with validates on these: no part trains on them
PERSON_VALIDATION = ("heldout35.json", "heldout36.json", "heldout37.json")
NEVER = "heldout.json"  # held out for good (see the corpus README)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)
CONTEXT_THRESHOLDS = (0.8, 0.85, 0.9, 0.95, 0.97, 0.99, 1.0)  # 1.0: no second model
LONE_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.7, 1.01)  # 1.01: never
COMMON_IN_NOTES = 3  # a lower-case word in this many notes, never in a name, is common
L2, EPOCHS, RATE = 3e-4, 12, 0.3
PRECISION_GIVEN = 0.01  # how much participants precision the model may cost, at most
RECALL_TIE = 0.005  # recall closer than this to the best is a tie: the higher threshold wins
MIN_COUNT = 5  # a feature of fewer examples is noise (and bloats the file): left out


def read(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Each note with what the rules read in it."""
    rules = EnglishRules()
    out = []
    for path in paths:
        for note in json.loads(path.read_text(encoding="utf-8")):
            known = _known(tuple(note.get("known") or ()))
            now = datetime.fromisoformat(note["today"] + "T18:00")
            reading = read_by_rules(note["text"], now, known, rules)
            out.append(
                {
                    "note": note,
                    "view": rules_view(reading, known),
                    "known": known,
                    "rules_people": list(reading.people),
                }
            )
    return out


def common_words(notes: Iterable[dict[str, Any]]) -> frozenset[str]:
    """Lower-case words in at least ``COMMON_IN_NOTES`` notes that are no part of any
    annotated name: "coffee" is common, "ola" is not."""
    seen: collections.Counter[str] = collections.Counter()
    in_names: set[str] = set()
    for item in notes:
        note = item["note"]
        seen.update({t.folded for t in ws.tokens(note["text"]) if not t.capitalised})
        for person in note["people"]:
            in_names.update(fold(person).split())
    common = {w for w, c in seen.items() if c >= COMMON_IN_NOTES and w not in in_names}
    return frozenset(common | ws._NOT_NAME)


def label(span: ws.Span, text: str, expected: Iterable[str]) -> int:
    """1 when the span, as it would be saved, is a name the annotation lists as met (a
    lone first name counts unless the full name is written right there)."""
    name = fold(ws.saved_name(span.name))
    for want in map(fold, expected):
        if name == want:
            return 1
        written = fold(text[span.start : span.start + len(want) + 1])
        if " " not in name and want.split()[0] == name and not written.startswith(want):
            return 1
    return 0


def examples(item: dict[str, Any], common: frozenset[str]) -> None:
    """Store each candidate span of a note with its features and label."""
    text, view = item["note"]["text"], item["view"]
    toks = ws.tokens(text)
    item["spans"], item["examples"], item["context"] = [], [], []
    for span in ws.spans(text, toks, common):
        if ws.never_a_name(span):
            continue  # never scored (see ``scored_spans``)
        feats = ws.features(text, toks, span, view, common)
        met = label(span, text, item["note"]["people"])
        item["context"].append((ws.context_features(feats), met))  # every span
        if ws.clashes(fold(ws.saved_name(span.name)), view.people):
            continue  # the rules have them; the first model is never asked
        item["spans"].append(span)
        item["examples"].append((feats, met))


def train(data: list[tuple[list[str], int]]) -> tuple[float, dict[str, float]]:
    """Logistic regression by AdaGrad with L2, on the features of at least
    ``MIN_COUNT`` examples; deterministic."""
    counts = collections.Counter(x for feats, _y in data for x in set(feats))
    data = [([x for x in feats if counts[x] >= MIN_COUNT], y) for feats, y in data]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    bias, bias_g2 = 0.0, 0.0
    order = list(range(len(data)))
    rng = random.Random(12)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            feats, y = data[k]
            z = bias + sum(w.get(x, 0.0) for x in feats)
            g = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - y
            bias_g2 += g * g
            bias -= RATE * g / math.sqrt(bias_g2 + 1e-8)
            for x in feats:
                gx = g + L2 * w.get(x, 0.0)
                g2[x] = g2.get(x, 0.0) + gx * gx
                w[x] = w.get(x, 0.0) - RATE * gx / math.sqrt(g2[x] + 1e-8)
    return bias, w


def people_with(
    item: dict[str, Any], model: ws.Model, lone: float = ws.LONE_THRESHOLD
) -> list[str]:
    """The people the parser would propose: the rules' and the models', but names of
    everyday words only (as the parser does; its second reading is not redone here)."""
    extra = ws.more_people(item["note"]["text"], item["view"], model, lone)
    people = [*item["rules_people"], *(name for _pos, name in extra)]
    return [p for p in people if not ws.everyday_words(p, item["view"], model)]


def tally(items: list[dict[str, Any]], people_of: Any) -> tuple[int, int, int]:
    """Participants (right, proposed, expected), matched as the benchmark matches them."""
    right = proposed = expected = 0
    for item in items:
        note = item["note"]
        names = Names(
            [*note["people"], *note.get("known", []), *(p["person"] for p in note["promises"])]
        )
        got = people_of(item)
        right += _match(got, note["people"], names.same)[0]
        proposed += len(got)
        expected += len(note["people"])
    return right, proposed, expected


def _pr(t: tuple[int, int, int]) -> str:
    r, p, e = t
    return f"{r / p if p else 1:.3f}/{r / e if e else 1:.3f}"


def choose_lone(val: list[dict[str, Any]]) -> float:
    """The shipped model's threshold for the likeliest name of a note where nobody else
    was found (``ws.LONE_THRESHOLD``): the lowest at which every name it adds on the
    validation notes is right, as the benchmark matches them."""
    chosen = 1.01
    without = tally(val, lambda item: people_with(item, ws.model(), 1.01))
    print(f"validation, participants right/proposed/expected, nobody-else rule off: {without}")
    for t in sorted(LONE_THRESHOLDS, reverse=True):
        got = tally(val, lambda item, t=t: people_with(item, ws.model(), t))
        added, right = got[1] - without[1], got[0] - without[0]
        print(f"  threshold {t:.2f}: {right} right of {added} added")
        if right == added:
            chosen = t
    print(f"nobody-else threshold chosen: {chosen} (shipped: {ws.LONE_THRESHOLD})")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--validate", nargs="*", type=Path, default=None)
    parser.add_argument("--write", action="store_true", help="write the weights file")
    parser.add_argument(
        "--lone",
        action="store_true",
        help="only choose the nobody-else threshold of the shipped weights (validation:"
        " the resolver's sets by default)",
    )
    args = parser.parse_args(argv)
    if args.lone:
        sets = args.validate or [CORPUS / name for name in PERSON_VALIDATION]
        choose_lone(read(sets))
        return 0
    validate = args.validate or [CORPUS / name for name in VALIDATION]
    left_out = {NEVER, *BLIND, *PERSON_VALIDATION, *(path.name for path in validate)}
    develop = sorted(f for f in CORPUS.glob("*.json") if f.name not in left_out)
    dev, val = read(develop), read(validate)
    common = common_words(dev)
    for item in dev + val:
        examples(item, common)
    print(
        f"{len(dev)} development notes, {sum(len(i['examples']) for i in dev)} spans;"
        f" {len(val)} validation notes; {len(common)} common words"
    )
    bias, w = train([ex for item in dev for ex in item["examples"]])
    c_bias, c_w = train([ex for item in dev for ex in item["context"]])
    rules = tally(val, lambda item: item["rules_people"])
    print(f"validation, participants precision/recall: rules alone {_pr(rules)}")
    # recall first (a wrong guess costs a click in the preview, a miss costs a person),
    # within ``PRECISION_GIVEN`` of the rules' precision; of equal recall, the higher
    # threshold. The first model's threshold first, then the second's on top of it.
    chosen, best = 1.0, -1
    for t in THRESHOLDS:
        got = tally(val, lambda item, t=t: people_with(item, ws.Model(bias, t, w, common)))
        print(f"  rules + first model, threshold {t:.2f}: {_pr(got)}")
        # (recall within ``RECALL_TIE`` of the best so far counts as equal: fewer guesses)
        if got[0] / got[1] >= rules[0] / rules[1] - PRECISION_GIVEN and (
            got[0] >= best - RECALL_TIE * got[2]
        ):
            chosen, best = t, max(best, got[0])
    threshold = chosen
    print(f"threshold chosen: {threshold}")
    chosen, best = 1.0, -1
    for t in CONTEXT_THRESHOLDS:
        got = tally(
            val,
            lambda item, t=t: people_with(
                item, ws.Model(bias, threshold, w, common, ws.Weights(c_bias, t, c_w))
            ),
        )
        print(f"  ... + second model, threshold {t:.2f}: {_pr(got)}")
        if got[0] / got[1] >= rules[0] / rules[1] - 2 * PRECISION_GIVEN and got[0] >= best:
            chosen, best = t, got[0]
    context_threshold = chosen
    print(f"second threshold chosen: {context_threshold}")
    if args.write:
        everything = dev + val
        common = common_words(everything)
        for item in everything:
            examples(item, common)
        bias, w = train([ex for item in everything for ex in item["examples"]])
        c_bias, c_w = train([ex for item in everything for ex in item["context"]])
        kept = {k: round(v, 3) for k, v in sorted(w.items())}
        data = {
            "bias": round(bias, 3),
            "threshold": threshold,
            "common": sorted(common),
            "weights": kept,
            "context": {
                "bias": round(c_bias, 3),
                "threshold": context_threshold,
                "weights": {k: round(v, 3) for k, v in sorted(c_w.items())},
            },
        }
        WEIGHTS.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(
            f"wrote {len(kept)} weights and {len(common)} common words to"
            f" {WEIGHTS.relative_to(ROOT)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
