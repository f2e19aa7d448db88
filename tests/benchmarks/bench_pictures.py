"""Build time of the three pictures of #17 at 10,000 people (run on demand, offscreen).

    python tests/benchmarks/bench_pictures.py [--data-dir DIR] [--people N]

Builds (or reuses) a demo network and times, median of a few rounds: the data each
picture reads (on a worker in the app) and the scene it builds (on the GUI thread):
trust over time for the person with the longest history, the circles' rings, and the
who-knows-whom graph with its warmest-path answer. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def timed(fn, rounds: int = 3):  # type: ignore[no-untyped-def]
    samples, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--people", type=int, default=10_000)
    args = parser.parse_args()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="rapport-bench-"))
    if not (folder / "rapport.sqlite3").exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "demo",
                "--people",
                str(args.people),
                "--data-dir",
                str(folder),
            ],
            check=True,
            capture_output=True,
        )
    from PySide6.QtWidgets import QApplication

    from desktop.domain.network import neighbourhood
    from desktop.services import network, store, trust_timeline
    from desktop.storage.models import database
    from desktop.ui.circles.page import CirclesView
    from desktop.ui.kit.background import TaskManager
    from desktop.ui.network.page import NetworkView
    from desktop.ui.people.trust_chart import TrustChart

    app = QApplication.instance() or QApplication([])
    store.open_store(folder)
    richest = database.execute_sql(
        "SELECT person_id FROM participant GROUP BY person_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    tasks = TaskManager()

    ms, (points, marks) = timed(lambda: trust_timeline.over_time(richest))
    chart = TrustChart()
    chart.resize(680, 120)
    paint_ms, _ = timed(lambda: (chart.set_history(points, marks), chart.grab()))
    print(
        f"trust over time: data {ms:.1f} ms ({len(points)} points, {len(marks)} marks),"
        f" paint {paint_ms:.1f} ms"
    )

    ms, overview = timed(network.circles_overview)
    circles = CirclesView(tasks, None)  # type: ignore[arg-type]
    circles.resize(900, 800)
    scene_ms, _ = timed(lambda: circles._show(overview))
    print(
        f"circles: data {ms:.1f} ms ({len(overview[0])} people on the rings),"
        f" scene {scene_ms:.1f} ms"
    )

    ms, net = timed(network.load_network, rounds=2)
    target = max(net.graph, key=lambda p: len(net.graph[p]))
    ask_ms, answer = timed(
        lambda: (neighbourhood(net.graph, target), network.who_can_introduce(net, target))
    )
    view = NetworkView(tasks)
    view.resize(900, 800)
    view.network = net
    view.target = target
    draw_ms, _ = timed(lambda: view._answered(answer))
    print(
        f"who knows whom: network {ms:.0f} ms ({len(net.graph)} linked people),"
        f" question {ask_ms:.1f} ms, scene {draw_ms:.1f} ms"
    )
    tasks.shutdown(timeout=3.0)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
