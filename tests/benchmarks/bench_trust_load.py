"""Trust readings for everyone at 10,000 people: the first edition's tree against today's.

    python tests/benchmarks/bench_trust_load.py [--data-dir DIR] [--people N] [--runs N]

Issue #17 asks that the whole meter (history read from SQLite *and* the formula) takes no
longer for 10,000 people than the first edition did. The first edition is not vendored:
its tree (``--old-rev``, default ``b30e884``) is exported read-only with ``git archive``
into a temporary folder and run in a subprocess with ``PYTHONPATH`` pointing there. It
makes its own schema-3 demo (``rapport demo`` of the old tree) in ``DIR/old``; today's code
reads an upgraded copy of it in ``DIR/new``, so both read the very same network.

Old and new runs alternate (each a fresh process: one cold call, then warm calls with the
cache cleared); the medians of the warm calls (wall clock and CPU time) and their ratios
are printed. Asserts
nothing: timings belong in reports, not in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "rapport.sqlite3"

#: Runs in the child: open the folder, time readings_for_all() (cache cleared each call).
_CHILD = """
import json, sys, time
from datetime import date
from pathlib import Path
from desktop.services import store, trust
store.open_store(Path(sys.argv[1]))
today = date.fromisoformat(sys.argv[2])
calls = int(sys.argv[3])
times = []
cpu = []
count = 0
for _ in range(calls):
    trust._cache.clear()
    started, started_cpu = time.perf_counter(), time.process_time()
    count = len(trust.readings_for_all(today=today))
    times.append(time.perf_counter() - started)
    cpu.append(time.process_time() - started_cpu)
print(json.dumps({"times": times, "cpu": cpu, "people": count, "module": trust.__file__}))
"""


def export_tree(rev: str, target: Path) -> None:
    """The tree of ``rev`` (code and resources only), read-only from git: no worktree."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "desktop", "resources"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        try:
            tar.extractall(target, filter="data")
        except TypeError:  # a Python before the extraction filters (3.10.11 and older)
            tar.extractall(target)  # our own repository's archive


def child_env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run_child(tree: Path, folder: Path, today: str, calls: int, cwd: Path) -> dict:
    """One timed run in a fresh process whose ``desktop`` package is ``tree``'s."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), today, str(calls)],
        check=True,
        capture_output=True,
        text=True,
        env=child_env(tree),
        cwd=cwd,  # never the repository, or '' on sys.path would find today's package
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if not result["module"].startswith(str(tree)):
        raise SystemExit(f"the child imported {result['module']}, not the tree in {tree}")
    return result


def prepare(folder: Path, people: int, old_tree: Path, new_tree: Path, scratch: Path) -> None:
    old_db = folder / "old" / DB_NAME
    if not old_db.exists():
        print(f"building a {people:,}-person demo with the first edition in {old_db.parent} …")
        (folder / "old").mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                *(sys.executable, "-m", "desktop", "demo"),
                *("--people", str(people), "--data-dir", str(old_db.parent)),
            ],
            check=True,
            capture_output=True,
            env=child_env(old_tree),
            cwd=scratch,
        )
    new_db = folder / "new" / DB_NAME
    if not new_db.exists():
        print("copying it for today's code (upgraded to today's schema on first open) …")
        (folder / "new").mkdir(parents=True, exist_ok=True)
        shutil.copy2(old_db, new_db)
        # One untimed run upgrades the copy (backup first), so no timed run pays for that.
        run_child(new_tree, new_db.parent, "2026-01-01", 1, scratch)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="a folder from an earlier run (else new)")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="processes per side (default 5)")
    parser.add_argument("--calls", type=int, default=3, help="calls per process (default 3)")
    parser.add_argument("--old-rev", default="b30e884", help="the first edition's commit")
    parser.add_argument("--today", help="the day readings are computed for (default today)")
    args = parser.parse_args()

    from datetime import date

    today = args.today or date.today().isoformat()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="rapport-trust-load-"))
    with tempfile.TemporaryDirectory(prefix="rapport-trust-old-") as tmp:
        scratch = Path(tmp)
        old_tree = scratch / "old-tree"
        old_tree.mkdir()
        export_tree(args.old_rev, old_tree)
        prepare(folder, args.people, old_tree, ROOT, scratch)
        samples: dict[str, list[float]] = {"old": [], "new": []}
        cold: dict[str, list[float]] = {"old": [], "new": []}
        cpu: dict[str, list[float]] = {"old": [], "new": []}
        for run in range(args.runs):
            for side, tree in (("old", old_tree), ("new", ROOT)):
                result = run_child(tree, folder / side, today, args.calls, scratch)
                times = result["times"]
                cold[side].append(times[0])
                warm = times[1:] or times
                samples[side].extend(warm)
                cpu[side].extend(result["cpu"][1:] or result["cpu"])
                print(
                    f"run {run + 1} {side}: {result['people']} people, cold {times[0]:.3f} s,"
                    f" warm {' '.join(f'{t:.3f}' for t in warm)} s",
                    flush=True,
                )
    old_median = statistics.median(samples["old"])
    new_median = statistics.median(samples["new"])
    print(f"data: {folder}")
    print(
        f"readings_for_all, warm median: first edition {old_median:.3f} s,"
        f" today {new_median:.3f} s, ratio {new_median / old_median:.2f}"
    )
    old_cpu, new_cpu = statistics.median(cpu["old"]), statistics.median(cpu["new"])
    print(
        f"readings_for_all, warm CPU median: first edition {old_cpu:.3f} s,"
        f" today {new_cpu:.3f} s, ratio {new_cpu / old_cpu:.2f}"
        " (CPU time: steadier than the clock on a busy machine)"
    )
    print(
        f"readings_for_all, cold median: first edition {statistics.median(cold['old']):.3f} s,"
        f" today {statistics.median(cold['new']):.3f} s,"
        f" ratio {statistics.median(cold['new']) / statistics.median(cold['old']):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
