"""Quick-capture benchmarks (run on demand, not collected by the normal test run).

    python tests/benchmarks/bench_capture.py [--data-dir DIR] [--people N] [--runs N]

Measures, in one run on one machine, against the targets of issue #4:

- ``rapport capture`` on screen: from process start to the capture window's first
  paint, against a bare PySide6 QMainWindow with a list view started the same way in
  the same run (fresh processes, interleaved, median of ``--runs``; target ≤ 1.25×, issue #15).
  Also reported: the same window started without the CLI front door
  (``app.run_capture`` directly), to show what the shared ``rapport`` parser costs;
- at 10,000 people (``--people``): looking up names ("ana r"), re-reading the note on a
  keystroke (parse + plan + preview), and saving a capture (one transaction: a new
  person, an existing one, one conversation, two promises) — medians.

Child processes compile to a private bytecode cache (``PYTHONPYCACHEPREFIX``) and get a
warm-up launch each, so both sides are timed with ``.pyc`` files as an installed app
is. The data folder is reused when it already holds people (building 10,000 takes about
a minute); each run adds a few conversations tagged #benchmark to it. The process
start is the parent's ``time.monotonic()`` just before spawning; the child prints its
own ``time.monotonic()`` (the same system-wide clock) once its first frame is drawn.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a plain script
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from first_paint import (  # noqa: E402
    bare_window_script,
    ensure_demo,
    first_paint_time,
    run_measured,
)

TARGET_RATIO = 1.25  # issue #15 (goal 1.15); the capture issue asked 1.5

BARE = bare_window_script(980, 640)

DIRECT = """
import sys
from pathlib import Path
from desktop.app import run_capture
sys.exit(run_capture(Path(sys.argv[1])))
"""

NOTE = (
    "Met Ana Ruiz and Benchmark Person {n} at the Berlin meetup — talked about sailing. "
    "I'll send Ana the deck by Friday. Benchmark Person {n} will review my draft next week. "
    "#benchmark"
)


def launch(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning ``command`` to the first paint it reports, and the CPU
    seconds the child used until then (it exits at its first paint)."""
    started = time.monotonic()
    done, cpu = run_measured(
        command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    try:
        return first_paint_time(done.stdout) - started, cpu
    except RuntimeError:
        raise RuntimeError(f"{command} printed no first paint:\n{done.stderr}") from None


def bench_launch(folder: Path, runs: int) -> dict[str, tuple[float, float]]:
    cache = tempfile.mkdtemp(prefix="rapport-pyc-")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "RAPPORT_BENCH_PAINT": "1",
        "PYTHONPYCACHEPREFIX": cache,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = {
        "bare PySide6 window": [sys.executable, "-c", BARE],
        "rapport capture": [sys.executable, "-m", "desktop", "capture", "--data-dir", str(folder)],
        "run_capture (no CLI)": [sys.executable, "-c", DIRECT, str(folder)],
    }
    for command in commands.values():  # warm-up: byte-compile, fill the OS caches
        launch(command, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so a busy moment hurts every side alike
        for name, command in commands.items():
            times[name].append(launch(command, env))
    return {  # (wall ms, CPU ms), medians
        name: (
            statistics.median(wall for wall, _cpu in values) * 1000,
            statistics.median(cpu for _wall, cpu in values) * 1000,
        )
        for name, values in times.items()
    }


def ensure_people(folder: Path, people: int) -> None:
    ensure_demo(folder, people)


def median_ms(fn, runs: int) -> float:
    timings = []
    for index in range(runs):
        started = time.perf_counter()
        fn(index)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def bench_services(folder: Path, runs: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import create_application
    from desktop.services import capture, people, store
    from desktop.storage.models import Person

    create_application()
    store.open_store(folder)
    if not Person.select().where(Person.full_name == "Ana Ruiz").exists():
        people.create_person(full_name="Ana Ruiz", organization="Acme")
    now = datetime.now().replace(microsecond=0)
    names = capture.known_names()
    figures = {"people": float(len(names))}
    figures["suggest 'ana r' (ms)"] = median_ms(lambda _i: capture.suggest_people("ana r"), runs)
    plans = []

    def prepare(index: int) -> None:
        text = NOTE.format(n=f"{time.time_ns()}-{index}")
        plans.append(capture.prepare_note(text, now=now, names=names)[1])

    figures["prepare a note: parse + look up 3 names (ms)"] = median_ms(prepare, runs)
    assert all(not plan.problems for plan in plans), plans[0].problems
    figures["save_capture, one transaction (ms)"] = median_ms(
        lambda i: capture.save_capture(plans[i]), runs
    )
    figures["keystroke: window re-reads the note (ms)"] = _bench_replan(names, runs)
    store.close_store()
    return figures


def _bench_replan(names: tuple[str, ...], runs: int) -> float:
    """The window's debounced re-read once names are known: parse, plan, preview."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.capture.window import CaptureWindow

    window = CaptureWindow(restored={"notes": ""})
    window._known = names  # as loaded after the first paint
    window.resize(980, 640)
    window.show()
    base = NOTE.format(n=1)
    window.notes.setPlainText(base)
    window.replan()
    app = QApplication.instance()
    deadline = time.monotonic() + 30
    while not window.is_idle() and time.monotonic() < deadline:  # names looked up once
        app.processEvents()
        time.sleep(0.01)

    def keystroke(index: int) -> None:
        window.notes.setPlainText(base + " " * (index % 2))
        window.replan()

    result = median_ms(keystroke, runs)
    window.shutdown()
    window.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-launch", action="store_true")
    parser.add_argument("--skip-services", action="store_true")
    args = parser.parse_args()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="rapport-bench-")) / "data"
    ensure_people(folder, args.people)
    if not args.skip_launch:
        launch_ms = bench_launch(folder, args.runs)
        bare, bare_cpu = launch_ms["bare PySide6 window"]
        print(f"\nFirst paint, median of {args.runs} launches each (offscreen unless set):")
        print(f"  {'':24} {'wall':>7}           {'process CPU':>11}")
        for name, (value, cpu) in launch_ms.items():
            print(
                f"  {name:24} {value:7.0f} ms   {value / bare:4.2f}×"
                f"   {cpu:7.0f} ms   {cpu / bare_cpu:4.2f}×"
            )
        ratio = launch_ms["rapport capture"][0] / bare
        verdict = "meets" if ratio <= TARGET_RATIO else "misses"
        print(f"  rapport capture / bare = {ratio:.2f} ({verdict} the ≤ {TARGET_RATIO}× target)")
    if args.skip_services:
        return 0
    print(f"\nServices at {args.people:,} people (median of {args.runs}):")
    for name, value in bench_services(folder, args.runs).items():
        print(f"  {name:48} {value:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
