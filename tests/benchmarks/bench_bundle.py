"""Start-up of the PyInstaller bundle vs the same app from source vs a bare Qt window.

    python tests/benchmarks/bench_bundle.py [--bundle build/dist/rapport/rapport] [--runs 7]

Builds the bundle first when it is missing. Each launch is a fresh process; the app
prints the wall time of its first painted frame (``RAPPORT_BENCH_PAINT=1``) and exits.
Reports medians, the ratios and the bundle's size on disk.
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

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import os, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QListView, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QListView())
class Spy(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print(f"first-paint {time.time():.6f}", flush=True),
                                          os._exit(0)))
        return False
spy = Spy()
window.installEventFilter(spy)
window.show()
app.exec()
"""


def first_paint(command: list[str], env: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory(prefix="rapport-bench-config-") as config:
        started = time.time()
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            env={**env, "XDG_CONFIG_HOME": config},
        )
    line = next(x for x in result.stdout.splitlines() if x.startswith("first-paint"))
    return float(line.split()[1]) - started


def folder_size(path: Path) -> int:
    """Bytes on disk, counting each file once (bundles hold symlinks to their libraries)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=ROOT / "build/dist/rapport/rapport")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.bundle.exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level",
                "WARN",
                "--distpath",
                str(ROOT / "build/dist"),
                "--workpath",
                str(ROOT / "build/work"),
                str(ROOT / "packaging/rapport.spec"),
            ],
            check=True,
        )
    data = Path(tempfile.mkdtemp(prefix="rapport-bench-data-"))
    subprocess.run(
        [sys.executable, "-m", "desktop", "demo", "--people", "200", "--data-dir", str(data)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "RAPPORT_BENCH_PAINT": "1",
        "PYTHONPATH": str(ROOT),
    }
    commands = {
        "bare PySide6": [sys.executable, "-c", BARE],
        "from source": [sys.executable, "-m", "desktop", "--data-dir", str(data)],
        "bundle": [str(args.bundle), "--data-dir", str(data)],
    }
    for command in commands.values():
        first_paint(command, env)  # warm-up: OS file cache, bytecode
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            samples[name].append(first_paint(command, env))
    medians = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    bare = medians["bare PySide6"]
    for name, value in medians.items():
        print(f"{name:<14} median {value:7.0f} ms   ratio to bare {value / bare:4.2f}")
    print(f"bundle/source ratio {medians['bundle'] / medians['from source']:.2f}")
    print(f"bundle size {folder_size(args.bundle.parent) / 1e6:.0f} MB ({args.bundle.parent})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
