"""Peak memory of the main window at 10,000 people (run on demand, not collected).

    python tests/benchmarks/bench_memory.py [--data-dir DIR] [--people N] [--runs N] [--trace]

Issue #15's scenario, in a fresh child process per run (offscreen unless
``QT_QPA_PLATFORM`` says otherwise): open the main window on the People view, wait until
every page is built and the full summaries are in, scroll the whole People list one
screen at a time (each screen painted), then open 20 people spread over the list (each
painted). The figure is the child's peak resident set size (``ru_maxrss``), the median
over ``--runs``; target ≤ 180 MB, goal 150 MB. Also reported: the RSS at the end, and
with ``--trace`` the top Python allocation sites still held at the end (tracemalloc;
slower, and its own overhead inflates the peak, so that run's figures are not the
measurement). The data folder is reused when it already holds people. Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a plain script
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from first_paint import ensure_demo, settle_window  # noqa: E402

TARGET_MB = 180.0
GOAL_MB = 150.0
OPENED = 20


def _rss_now_mb() -> float:
    """The resident set size now (Linux ``/proc``; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def drive_window(folder: Path, trace: bool) -> dict[str, object]:
    """The scenario, inside this process (the child)."""
    import resource

    if trace:
        import tracemalloc

        tracemalloc.start(12)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop import app

    qt = app.create_application()
    problem = app.open_data(folder)
    assert problem is None, problem
    window = app.build_main_window(folder)
    window.resize(1280, 820)
    window.show()

    def settle(timeout: float = 300.0) -> None:
        settle_window(qt, window, timeout)

    window.show_view("people")
    settle()
    page = window.people
    page.clear_filters()
    settle()
    view = page.list
    bar = view.verticalScrollBar()
    step = max(1, view.viewport().height())
    screens = 0
    while True:
        view.viewport().repaint()
        qt.processEvents()  # lets the view fetch the next batch of rows
        screens += 1
        if bar.value() >= bar.maximum() and not page.model.canFetchMore(view.rootIndex()):
            break
        bar.setValue(bar.value() + step)
    rows = page.model.rowCount()
    for i in range(OPENED):
        summary = page.model.person_at((rows - 1) * i // max(1, OPENED - 1))
        if summary is None:
            continue
        page.select_person(summary.id)
        window.repaint()
        qt.processEvents()
    settle()
    figures: dict[str, object] = {
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "end_rss_mb": _rss_now_mb(),
        "rows": rows,
        "screens": screens,
    }
    if trace:
        import tracemalloc

        snapshot = tracemalloc.take_snapshot()
        current, peak = tracemalloc.get_traced_memory()
        figures["traced_now_mb"] = current / 2**20
        figures["traced_peak_mb"] = peak / 2**20
        figures["top"] = [
            f"{stat.size / 2**20:7.2f} MB  {stat.count:8d}  {stat.traceback.format()[-1].strip()}"
            for stat in snapshot.statistics("lineno")[:25]
        ]
    window.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--trace", action="store_true", help="also list what Python holds")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="rapport-bench-")) / "data"
    if args.child:
        print(json.dumps(drive_window(folder, args.trace)))
        return 0
    ensure_demo(folder, args.people)
    runs: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="rapport-bench-config-") as config:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": config,  # window settings apart from the user's
        }
        for trace in [False] * args.runs + ([True] if args.trace else []):
            command = [sys.executable, __file__, "--child", "--data-dir", str(folder)]
            done = subprocess.run(
                command + (["--trace"] if trace else []),
                capture_output=True,
                text=True,
                env=env,
                timeout=1800,
                check=False,
            )
            if done.returncode:
                raise RuntimeError(f"the child failed:\n{done.stderr[-3000:]}")
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            if trace:
                print("\nWhat Python still holds at the end (tracemalloc, by line):")
                print(
                    f"  traced now {figures['traced_now_mb']:.1f} MB, "
                    f"traced peak {figures['traced_peak_mb']:.1f} MB"
                )
                for line in figures["top"]:  # type: ignore[union-attr]
                    print("  " + line)
            else:
                runs.append(figures)
    peaks = [float(r["peak_rss_mb"]) for r in runs]  # type: ignore[arg-type]
    ends = [float(r["end_rss_mb"]) for r in runs]  # type: ignore[arg-type]
    peak = statistics.median(peaks)
    verdict = "ok" if peak <= TARGET_MB else "OVER"
    print(
        f"\nMain-window memory on {folder} ({runs[0]['rows']:,} cards scrolled in "
        f"{runs[0]['screens']} screens, {OPENED} people opened; {len(runs)} runs)"
    )
    print(
        f"  peak RSS (median)   {peak:7.1f} MB  (target ≤ {TARGET_MB:g}, goal {GOAL_MB:g})  "
        f"{verdict}   runs: {', '.join(f'{p:.0f}' for p in peaks)}"
    )
    print(f"  RSS at the end      {statistics.median(ends):7.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
