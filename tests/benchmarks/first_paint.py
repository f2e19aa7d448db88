"""What the start-up benchmarks share: a script that reports its window's first frame, the
bare PySide6 window every ratio is measured against, and a demo network to start on.

One copy, so the baseline and the measured app always paint and report the same way.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

# Appended to a script that made ``app`` (the QApplication) and ``window``: prints
# ``first-paint <time.monotonic()>`` once the whole first frame is drawn, then exits at
# once — as the app's RAPPORT_BENCH_PAINT hooks do, so a child's CPU time also ends at
# its first frame on both sides (a bare window's tidy shutdown would count on its side
# only). The monotonic clock is the machine's (since boot), so the parent's start and
# the child's paint compare; the capture window's hook prints the same.
REPORT_FIRST_PAINT = """
import os
import time
from PySide6.QtCore import QEvent, QObject, QTimer
def painted():
    print(f"first-paint {time.monotonic():.6f}", flush=True)
    os._exit(0)
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, painted)  # after the whole first frame is drawn
        return False
spy = FirstPaint()
window.installEventFilter(spy)
window.show()
app.exec()
"""


def bare_window_script(width: int, height: int) -> str:
    """The baseline: a bare QMainWindow with a list view, started the way the app is."""
    return (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QListView, QMainWindow\n"
        "app = QApplication(sys.argv[:1])\n"
        "window = QMainWindow()\n"
        "window.setCentralWidget(QListView())\n"
        f"window.resize({width}, {height})\n" + REPORT_FIRST_PAINT
    )


def run_measured(command: list[str], **options: Any) -> tuple[subprocess.CompletedProcess, float]:
    """``subprocess.run(command, **options)`` and the CPU seconds (user + system) the child
    used. On a shared, loaded machine wall time also counts waiting for a core; CPU time
    is what start-up itself costs. Children are run one at a time, so the change in this
    process's reaped-children usage is this child's."""
    import resource

    def used() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before = used()
    result = subprocess.run(command, **options)
    return result, used() - before


def first_paint_time(stdout: str) -> float:
    """The ``time.monotonic()`` a child reported for its first frame."""
    lines = [line for line in stdout.splitlines() if line.startswith("first-paint")]
    if not lines:
        raise RuntimeError(f"the child printed no first paint:\n{stdout[-500:]}")
    return float(lines[-1].split()[1])


def ensure_demo(folder: Path, people: int) -> None:
    """Fill ``folder`` with a demo network of at least ``people`` people (kept for reuse)."""
    from desktop.services import store
    from desktop.services.directory import people_count

    store.open_store(folder)
    try:
        have = people_count()
    finally:
        store.close_store()
    if have >= people:
        print(f"reusing {folder} ({have:,} people)")
        return
    print(f"building a demo network of {people:,} people in {folder} …", flush=True)
    command = [sys.executable, "-m", "desktop", "demo", "--people", str(people)]
    if have:
        command.append("--add")
    subprocess.run([*command, "--data-dir", str(folder)], check=True, cwd=ROOT)


def settle_window(qt: Any, window: Any, timeout: float) -> None:
    """Pump events until the main window's background readers are idle (or ``timeout``)."""
    deadline = time.perf_counter() + timeout
    while not window.wait_until_idle() and time.perf_counter() < deadline:
        qt.processEvents()
        time.sleep(0.002)
    for _ in range(3):
        qt.processEvents()
