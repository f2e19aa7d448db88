"""Foundation benchmarks at 10,000 people / ~200,000 conversations (run on demand).

    python tests/benchmarks/bench_foundation.py [--data-dir DIR] [--people N]

Measures, in one run on one machine: building the demo network, opening the database,
and a search query through the service against the same FTS5 queries issued straight
through sqlite3 (the baseline). Prints medians and ratios; asserts nothing (timings
belong in reports, not in the test suite).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a plain script

QUERIES = ("sailing", "jose", "ana ru", "climate policy", "sai", "berlin")


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def build(folder: Path, people: int) -> float:
    started = time.perf_counter()
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
    return time.perf_counter() - started


def bench_open(folder: Path, rounds: int = 9) -> list[float]:
    from desktop.services import store

    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        store.open_store(folder)
        samples.append(time.perf_counter() - started)
        store.close_store()
    return samples


def bench_search(folder: Path, rounds: int = 15) -> dict[str, tuple[float, float]]:
    from desktop.services import store
    from desktop.services.search import search
    from desktop.storage.search_index import match_expression

    store.open_store(folder)
    raw = sqlite3.connect(folder / "rapport.sqlite3")
    results = {}
    for query in QUERIES:
        expression = match_expression(query)
        service, baseline = [], []
        for _ in range(rounds):
            started = time.perf_counter()
            search(query)
            service.append(time.perf_counter() - started)
            started = time.perf_counter()
            raw.execute(
                "SELECT person_id, snippet(person_index, -1, '[', ']', '…', 12) FROM person_index "
                "WHERE person_index MATCH ? ORDER BY rank LIMIT 20",
                (expression,),
            ).fetchall()
            raw.execute(
                "SELECT rowid, snippet(conversation_index, 2, '[', ']', '…', 14) "
                "FROM conversation_index WHERE conversation_index MATCH ? ORDER BY rank LIMIT 20",
                (expression,),
            ).fetchall()
            baseline.append(time.perf_counter() - started)
        results[query] = (median_ms(service), median_ms(baseline))
    raw.close()
    store.close_store()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="an existing demo folder (else built)")
    parser.add_argument("--people", type=int, default=10_000)
    args = parser.parse_args()
    folder = args.data_dir
    if folder is None or not (folder / "rapport.sqlite3").exists():
        folder = folder or Path(tempfile.mkdtemp(prefix="rapport-bench-"))
        seconds = build(folder, args.people)
        print(f"demo build, {args.people} people: {seconds:.1f} s")
    sizes = (
        sqlite3.connect(folder / "rapport.sqlite3")
        .execute("SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM conversation)")
        .fetchone()
    )
    print(f"network: {sizes[0]} people, {sizes[1]} conversations")
    print(f"open database: median {median_ms(bench_open(folder)):.1f} ms")
    print(f"{'query':<16}{'service ms':>12}{'raw FTS5 ms':>14}{'ratio':>8}")
    for query, (service, baseline) in bench_search(folder).items():
        print(f"{query:<16}{service:>12.2f}{baseline:>14.2f}{service / baseline:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
