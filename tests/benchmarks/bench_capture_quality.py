"""How well the capture parser reads real notes: precision and recall against a corpus.

    python tests/benchmarks/bench_capture_quality.py [FILES...] [--failures]

Default: every ``*.json`` in ``tests/fixtures/capture/``. Scoring follows the corpus
conventions (``tests/fixtures/capture/README.md``, "Scoring"): names compare
case-insensitively after NFC and whitespace folding, a first name alone matches a full
name whose first word it is when that is unambiguous in the note; a promise is right
when owner, person, due (exact) and description (lower-cased, punctuation and a leading
"to " removed, ``rapidfuzz.fuzz.ratio`` >= 85) all match one expected promise not
matched yet; introductions need introducer, person, to and done; place is exact after
normalisation (case, leading article); organizations are (person, organization) pairs.

The promise line also shows, for each expected promise paired with the closest proposal
(same description, else same person), how often its owner, person, description and due
were right: a diagnosis of where misses come from, not part of the score.

``tests/test_capture_corpus.py`` imports :func:`score_notes` from here, so the figures a
developer sees and the regression floor the suite enforces are computed by one code.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "capture"
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

CATEGORIES = ("participants", "promises", "introductions", "place", "organization")
NOTE_KEYS = {
    "id": str,
    "style": str,
    "today": str,
    "text": str,
    "people": list,
    "organizations": dict,
    "place": str,
    "promises": list,
    "introductions": list,
}


# ------------------------------------------------------------------ normalising


def fold(name: str | None) -> str:
    """A name or phrase as compared: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", name or "").casefold().split())


_PUNCT_RE = re.compile(r"[^\w\s]")
_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")


def fold_description(text: str) -> str:
    """Lower-cased, punctuation removed, a leading "to " removed."""
    words = _PUNCT_RE.sub(" ", fold(text)).split()
    if words[:1] == ["to"]:
        words = words[1:]
    return " ".join(words)


def fold_place(text: str) -> str:
    """Case and a leading article do not count."""
    return _ARTICLE_RE.sub("", fold(text))


class Names:
    """Name equality within one note: exact after folding, or a first name alone when
    no other name of the note starts with that word."""

    def __init__(self, note_names: Iterable[str | None]) -> None:
        self.firsts: dict[str, set[str]] = {}
        for name in note_names:
            key = fold(name)
            if key:
                self.firsts.setdefault(key.split()[0], set()).add(key)

    def same(self, a: str | None, b: str | None) -> bool:
        """Whether two names (None meaning "me") stand for the same person here."""
        if a is None or b is None:
            return a is None and b is None
        x, y = fold(a), fold(b)
        if x == y:
            return True
        for short, full in ((x, y), (y, x)):
            if " " not in short and full.split()[0] == short:
                fulls = {n for n in self.firsts.get(short, set()) if n != short}
                return len(fulls) <= 1
        return False


# ------------------------------------------------------------------ counting


@dataclass
class Tally:
    """Right, proposed and expected counts of one category."""

    right: int = 0
    proposed: int = 0
    expected: int = 0

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.proposed += other.proposed
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


@dataclass
class Score:
    """Tallies per category, the promise diagnosis and the misses, for some notes."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    diagnosis: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("paired", "owner", "person", "description", "due"), 0
        )
    )
    failures: list[str] = field(default_factory=list)
    notes: int = 0

    def add(self, other: Score) -> None:
        for name, tally in other.tallies.items():
            self.tallies[name].add(tally)
        for key, value in other.diagnosis.items():
            self.diagnosis[key] += value
        self.failures.extend(other.failures)
        self.notes += other.notes


def _match(
    proposed: Sequence[Any], expected: Sequence[Any], same: Any
) -> tuple[int, list[Any], list[Any]]:
    """Greedy one-to-one matching in order: (right, unmatched proposed, unmatched expected)."""
    free = list(expected)
    extra: list[Any] = []
    right = 0
    for item in proposed:
        for index, want in enumerate(free):
            if same(item, want):
                del free[index]
                right += 1
                break
        else:
            extra.append(item)
    return right, extra, free


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(fold_description(a), fold_description(b)))


def _due(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _proposals(parse: Any) -> dict[str, Any]:
    """The parse as plain values; an older parse with one ``organization`` gives it to
    everyone met (what saving it did)."""
    orgs = getattr(parse, "organizations", None)
    if orgs is None:
        orgs = {p: parse.organization for p in parse.people} if parse.organization else {}
    return {
        "people": list(parse.people),
        "organizations": dict(orgs),
        "place": parse.place,
        "promises": [
            {
                "owner": c.owner,
                "person": c.person_name,
                "description": c.description,
                "due": _due(c.due),
            }
            for c in parse.commitments
        ],
        "introductions": [
            {"introducer": i.introducer, "person": i.person, "to": i.to, "done": i.done}
            for i in parse.introductions
        ],
    }


def note_names(note: dict[str, Any]) -> Names:
    """The names one note's proposals are compared by: its people, contacts, promises'."""
    return Names(
        [*note["people"], *note.get("known", []), *(p["person"] for p in note["promises"])]
    )


def promise_matcher(names: Names) -> Any:
    """Whether a proposed promise is an expected one: owner, person, due date, and words
    at least 85% alike (the trainers of the learned parts label by it too)."""

    def same_promise(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return (
            a["owner"] == b["owner"]
            and names.same(a["person"], b["person"])
            and a["due"] == b["due"]
            and _ratio(a["description"], b["description"]) >= 85
        )

    return same_promise


def score_note(note: dict[str, Any], got: dict[str, Any]) -> Score:
    """Score one note's proposals against its expected result."""
    score = Score(notes=1)
    names = note_names(note)
    tag = f"{note['id']}: "

    def tally(category: str, right: int, proposed: int, expected: int) -> None:
        t = score.tallies[category]
        t.right, t.proposed, t.expected = right, proposed, expected

    right, extra, missed = _match(got["people"], note["people"], names.same)
    tally("participants", right, len(got["people"]), len(note["people"]))
    score.failures += [f"{tag}participant not expected: {p!r}" for p in extra]
    score.failures += [f"{tag}participant missed: {p!r}" for p in missed]

    right, extra, missed = _match(got["promises"], note["promises"], promise_matcher(names))
    tally("promises", right, len(got["promises"]), len(note["promises"]))
    score.failures += [f"{tag}promise not expected: {_show(p)}" for p in extra]
    score.failures += [f"{tag}promise missed:       {_show(p)}" for p in missed]
    _diagnose(score, got["promises"], note["promises"], names)

    def same_intro(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return (
            names.same(a["introducer"], b["introducer"])
            and names.same(a["person"], b["person"])
            and names.same(a["to"], b["to"])
            and a["done"] == b["done"]
        )

    right, extra, missed = _match(got["introductions"], note["introductions"], same_intro)
    tally("introductions", right, len(got["introductions"]), len(note["introductions"]))
    score.failures += [f"{tag}introduction not expected: {i}" for i in extra]
    score.failures += [f"{tag}introduction missed: {i}" for i in missed]

    want, have = fold_place(note["place"]), fold_place(got["place"])
    tally("place", int(bool(want) and want == have), int(bool(have)), int(bool(want)))
    if want != have:
        score.failures.append(f"{tag}place {got['place']!r}, expected {note['place']!r}")

    pairs = [(p, fold(o)) for p, o in got["organizations"].items() if o]
    wanted = [(p, fold(o)) for p, o in note["organizations"].items()]
    right, extra, missed = _match(
        pairs, wanted, lambda a, b: names.same(a[0], b[0]) and a[1] == b[1]
    )
    tally("organization", right, len(pairs), len(wanted))
    score.failures += [f"{tag}organization not expected: {o}" for o in extra]
    score.failures += [f"{tag}organization missed: {o}" for o in missed]
    return score


def _show(p: dict[str, Any]) -> str:
    return f"{p['owner']:4} {p['person']!s:22} {p['description']!r} due {p['due']}"


def pair_promises(
    got: list[dict[str, Any]], want: list[dict[str, Any]], names: Names
) -> list[tuple[int, dict[str, Any], float]]:
    """Each expected promise with the closest proposal still free: (its index in ``got``,
    the expected promise, how alike their words are); the closest words first, then the
    same person; none under 60% alike unless the person is the same."""
    free = list(range(len(got)))
    out = []
    for expected in want:
        best, best_key = None, (0.0, 0)
        for k in free:
            ratio = _ratio(got[k]["description"], expected["description"])
            key = (ratio, int(names.same(got[k]["person"], expected["person"])))
            if (ratio >= 60 or key[1]) and key > best_key:
                best, best_key = k, key
        if best is not None:
            free.remove(best)
            out.append((best, expected, best_key[0]))
    return out


def _diagnose(
    score: Score, got: list[dict[str, Any]], want: list[dict[str, Any]], names: Names
) -> None:
    """Pair each expected promise with the closest proposal; count which parts agree."""
    for k, expected, ratio in pair_promises(got, want, names):
        best = got[k]
        d = score.diagnosis
        d["paired"] += 1
        d["owner"] += best["owner"] == expected["owner"]
        d["person"] += names.same(best["person"], expected["person"])
        d["description"] += ratio >= 85
        d["due"] += best["due"] == expected["due"]


# ------------------------------------------------------------------ running


def check_note(note: Any) -> list[str]:
    """What is wrong with one corpus entry's shape ("" problems when it is valid)."""
    if not isinstance(note, dict):
        return ["a note must be an object"]
    problems = [
        f"{note.get('id', '?')}: {key!r} must be {kind.__name__}"
        for key, kind in NOTE_KEYS.items()
        if not isinstance(note.get(key), kind)
    ]
    if problems:
        return problems
    where = f"{note['id']}: "
    try:
        date.fromisoformat(note["today"])
    except ValueError:
        problems.append(where + "today must be YYYY-MM-DD")
    if not isinstance(note.get("known", []), list):
        problems.append(where + "known must be a list")
    for p in note["promises"]:
        if set(p) != {"owner", "person", "description", "due"} or p["owner"] not in ("me", "them"):
            problems.append(where + f"bad promise {p}")
        elif p["due"] is not None:
            try:
                date.fromisoformat(p["due"])
            except (TypeError, ValueError):
                problems.append(where + f"bad due {p['due']!r}")
    for i in note["introductions"]:
        if set(i) != {"introducer", "person", "to", "done"} or not isinstance(i["done"], bool):
            problems.append(where + f"bad introduction {i}")
    for person in note["organizations"]:
        if fold(person) not in {fold(p) for p in note["people"]}:
            problems.append(where + f"organization for someone not met: {person!r}")
    return problems


def load(path: Path) -> list[dict[str, Any]]:
    """A corpus file's notes (a JSON list)."""
    notes = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(notes, list):
        raise ValueError(f"{path}: a corpus file is a JSON list of notes")
    return notes


def score_notes(notes: Iterable[dict[str, Any]]) -> Score:
    """Parse each note as the capture window would (at 18:00 on ``today``) and score it."""
    from desktop.domain.capture.parser import parse_capture

    total = Score()
    for note in notes:
        now = datetime.combine(date.fromisoformat(note["today"]), time(18, 0))
        parse = parse_capture(note["text"], now=now, known_names=note.get("known", []))
        total.add(score_note(note, _proposals(parse)))
    return total


def report(title: str, score: Score) -> str:
    """The figures of one file (or all), as printed."""
    lines = [f"{title} ({score.notes} notes)"]
    for name, t in score.tallies.items():
        lines.append(
            f"  {name:14} precision {t.precision:6.3f}  recall {t.recall:6.3f}"
            f"   ({t.right} right, {t.proposed} proposed, {t.expected} expected)"
        )
    d = score.diagnosis
    if d["paired"]:
        keys = ("owner", "person", "description", "due")
        parts = "  ".join(f"{k} {d[k] / d['paired']:.3f}" for k in keys)
        lines.append(f"  promise parts (over {d['paired']} paired): {parts}")
    return "\n".join(lines)


def speed(runs: int = 20) -> str:
    """Median time to read a 1,000-character note with 10,000 contacts (target < 10 ms)."""
    import statistics
    import time as clock

    from desktop.domain.capture.parser import parse_capture

    line = (
        "Met Ana Ruiz and Ben Ode from Acme at PyCon - kids love sailing. I'll send her the "
        "deck by Friday. She'll intro me to Ben. #python\nBen will send the contract before "
        "the 3rd. They'll reply in two weeks.\n"
    )
    note = (line * 6)[:1000]
    known = (*(f"Person{i} Surname{i}" for i in range(10_000)), "Ben Ode")
    now = datetime(2026, 11, 25, 18, 0)
    parse_capture(note, now=now, known_names=known)  # warm the contact index
    timings = []
    for _ in range(runs):
        start = clock.perf_counter()
        parse_capture(note, now=now, known_names=known)
        timings.append(clock.perf_counter() - start)
    median = statistics.median(timings) * 1000
    return f"speed: 1,000 characters, 10,000 contacts: median {median:.1f} ms"


def speed_of_a_crowd(runs: int = 5) -> str:
    """Median time to read a 5,000-character note naming 120 people with 120 promises: the
    worst a conference-dinner note gets, and the case where reading each promise against
    each person costs most (the resolver of whom a promise is with)."""
    import random
    import statistics
    import time as clock

    from desktop.domain.capture.parser import parse_capture

    rng = random.Random(1)
    first = ["Ana", "Ben", "Carla", "Dev", "Eva", "Femi", "Gita", "Hugo", "Ines", "Jonas"]
    last = ["Ruiz", "Ode", "Berg", "Patel", "Lund", "Adeyemi", "Rao", "Blanc", "Duarte"]
    names = [f"{rng.choice(first)} {rng.choice(last)}" for _ in range(120)]
    note = f"Conference dinner. Met {', '.join(names[:60])}. " + " ".join(
        f"I'll send {name} the deck by Friday and she'll intro me to {names[i + 60]}."
        for i, name in enumerate(names[:60])
    )
    now = datetime(2026, 11, 25, 18, 0)
    parse_capture(note, now=now)
    timings = []
    for _ in range(runs):
        start = clock.perf_counter()
        parse_capture(note, now=now)
        timings.append(clock.perf_counter() - start)
    median = statistics.median(timings) * 1000
    return f"speed: {len(note):,} characters, 120 people, 120 promises: median {median:.0f} ms"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--failures", action="store_true", help="print each miss")
    parser.add_argument(
        "--speed",
        action="store_true",
        help="also time a 1,000-character note with 10,000 contacts, and a crowded one",
    )
    args = parser.parse_args(argv)
    if args.speed:
        print(speed())
        print(speed_of_a_crowd())
    files = args.files or sorted(CORPUS.glob("*.json"))
    overall = Score()
    for path in files:
        score = score_notes(load(path))
        print(report(path.name, score))
        if args.failures:
            print("\n".join("    " + f for f in score.failures))
        overall.add(score)
    if len(files) > 1:
        print(report("overall", overall))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
