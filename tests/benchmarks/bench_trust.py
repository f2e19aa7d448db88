"""Trust meter at 10,000 people: the first edition against the second, in one run.

    python tests/benchmarks/bench_trust.py [--data-dir DIR] [--people N]

Builds (or reuses) a demo network, reads every relationship's history once through the
service, then times the pure meter over all of them: the frozen first edition
(``trust_first_edition.py``) and today's :mod:`desktop.domain.trust`, interleaved, median of
several rounds. Also times the whole bulk reading (SQL included) the list views use.
Prints the figures; asserts nothing (timings belong in reports, not in the test suite).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a plain script
sys.path.insert(0, str(HERE))


def build(folder: Path, people: int) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "demo",
            "--people",
            str(people),
            "--data-dir",
            str(folder),
        ],
        check=True,
        capture_output=True,
    )


def as_first_edition(history):  # type: ignore[no-untyped-def]
    """The same history in the first edition's record types (it had no room sizes)."""
    import trust_first_edition as old

    return old.RelationshipHistory(
        name=history.name,
        promises=tuple(
            old.PromiseRecord(*(getattr(p, f) for f in p.__slots__)) for p in history.promises
        ),
        conversations=tuple(
            old.ConversationRecord(c.happened_at, c.depth) for c in history.conversations
        ),
        exchanges=tuple(
            old.ExchangeRecord(e.direction, e.kind, e.happened_at) for e in history.exchanges
        ),
        credibility=history.credibility,
        cadence_days=history.cadence_days,
    )


def as_second_edition(history):  # type: ignore[no-untyped-def]
    """A fresh copy, built the same way as the first edition's, so both lists sit alike in
    memory (timings differ by a third on cache locality alone otherwise)."""
    from desktop.domain import trust as new

    return new.RelationshipHistory(
        name=history.name,
        promises=tuple(
            new.PromiseRecord(*(getattr(p, f) for f in p.__slots__)) for p in history.promises
        ),
        conversations=tuple(
            new.ConversationRecord(c.happened_at, c.depth, c.people) for c in history.conversations
        ),
        exchanges=tuple(
            new.ExchangeRecord(e.direction, e.kind, e.happened_at) for e in history.exchanges
        ),
        credibility=history.credibility,
        cadence_days=history.cadence_days,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="an existing demo folder (else built)")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="rapport-bench-"))
    if not (folder / "rapport.sqlite3").exists():
        build(folder, args.people)

    import trust_first_edition as old

    from desktop.domain import trust as new
    from desktop.services import store
    from desktop.services import trust as service

    store.open_store(folder)
    today = date.today()
    histories = service._records(None).histories  # a record per conversation
    loaded = list(histories.values())
    first = [as_first_edition(h) for h in loaded]
    current = [as_second_edition(h) for h in loaded]
    print(f"{len(current)} people, {sum(len(h.conversations) for h in current)} conversations")
    old_s: list[float] = []
    new_s: list[float] = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        for history in first:
            old.assess(history, today=today)
        old_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        for history in current:
            new.assess(history, today=today)
        new_s.append(time.perf_counter() - started)
    # The best round is the least disturbed by other work on a shared machine; the median
    # is printed too, for the noise.
    for label, samples in (("first edition ", old_s), ("second edition", new_s)):
        print(
            f"meter, {label}: best {min(samples) * 1000:7.1f} ms,"
            f" median {statistics.median(samples) * 1000:7.1f} ms"
        )
    print(f"ratio (best): {min(new_s) / min(old_s):.2f}")
    bulk: list[float] = []
    for _ in range(3):
        service._cache.clear()
        started = time.perf_counter()
        service.readings_for_all(today=today)
        bulk.append(time.perf_counter() - started)
    print(f"readings_for_all (SQL + meter): median {statistics.median(bulk) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
