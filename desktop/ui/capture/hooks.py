"""Hidden hooks for tests and benchmarks of ``rapport capture`` (docs/capture.md).

Each is off unless its environment variable is set, only ever touches this one window,
and only does what a user at the keyboard could do (type, read the window, close it):

``RAPPORT_TEST_TYPE=<text>``
    Once the store is open, type ``<text>`` into the notes, one character every
    ``RAPPORT_TEST_TYPE_MS`` milliseconds (default 20), through real key events. Used to
    kill the process mid-typing and check that the draft survived. With
    ``RAPPORT_TEST_TYPE_ECHO=1`` each key, once handled, is reported as ``typed <count>``
    on standard output, so a test knows exactly what was typed before it killed.
``RAPPORT_TEST_REPORT=1``
    Once the store is open (the draft restored), print the form as one JSON line on
    standard output and quit — proves what a restarted window shows.
``RAPPORT_BENCH_PAINT=1``
    On the window's first paint, print ``first-paint <time.monotonic()>`` and, on a second
    line, ``loaded <modules>``: which of the slow modules that must wait until after the
    first paint (:data:`AFTER_PAINT`) were imported already. Then exit at once (the
    start-up benchmark compares the time with the moment the process was started).
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

TYPE_ENV = "RAPPORT_TEST_TYPE"  # these names are also in standalone.HOOK_ENVS
TYPE_DELAY_ENV = "RAPPORT_TEST_TYPE_MS"
TYPE_ECHO_ENV = "RAPPORT_TEST_TYPE_ECHO"
REPORT_ENV = "RAPPORT_TEST_REPORT"
BENCH_ENV = "RAPPORT_BENCH_PAINT"
AFTER_PAINT = (
    "peewee",
    "dateparser",
    "nameparser",
    "rapidfuzz",
    "desktop.services.store",
    "desktop.services.capture",
    "desktop.domain.capture.parser",
    "desktop.ui.kit.background",
    "desktop.ui.shell.termination",
    "desktop.ui.kit.icons",  # names the Qt namespace: ~13 ms of enums (see app.create_application)
)
AFTER_PAINT_WHERE_PROBED = ("PySide6.QtNetwork",)  # see desktop.ui.shell.instance_probe


def install(window: QWidget) -> None:
    """Wire whichever hooks the environment asks for (none, normally)."""
    if os.environ.get(BENCH_ENV):
        window.firstPainted.connect(_report_paint)  # type: ignore[attr-defined]
    text = os.environ.get(TYPE_ENV)
    if text:
        delay = int(os.environ.get(TYPE_DELAY_ENV) or 20)
        typist = _Typist(window, text, delay)
        window.storeAttached.connect(typist.start)  # type: ignore[attr-defined]
        window.setProperty("rapportTypist", typist)  # lives as long as the window
    if os.environ.get(REPORT_ENV):
        window.storeAttached.connect(lambda: QTimer.singleShot(0, lambda: _report(window)))  # type: ignore[attr-defined]


def _report_paint() -> None:
    now = time.monotonic()
    from desktop.ui.shell.instance_probe import probe_supported

    names = AFTER_PAINT + (AFTER_PAINT_WHERE_PROBED if probe_supported() else ())
    loaded = [name for name in names if name in sys.modules]
    print(f"first-paint {now:.6f}\nloaded {','.join(loaded) or '-'}", flush=True)
    os._exit(0)  # at once: nothing after the first paint may count (CPU time included)


def _report(window: QWidget) -> None:
    sys.stdout.write(json.dumps(window.draft_content(), ensure_ascii=False) + "\n")  # type: ignore[attr-defined]
    sys.stdout.flush()
    QCoreApplication.exit(0)


class _Typist:
    """Types text into the notes one key event at a time, as a person would."""

    def __init__(self, window: QWidget, text: str, delay_ms: int) -> None:
        self.target = window.notes  # type: ignore[attr-defined]
        self.text = text
        self.index = 0
        self.echo = bool(os.environ.get(TYPE_ECHO_ENV))
        self.timer = QTimer(window, interval=max(1, delay_ms))
        self.timer.timeout.connect(self._next)

    def start(self) -> None:
        self.target.setFocus()
        self.timer.start()

    def _next(self) -> None:
        # Imported here, not at the top: the first-paint benchmark loads this module too,
        # and must not pay for the Qt namespace the typing needs.
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        if self.index >= len(self.text):
            self.timer.stop()
            print("typed", flush=True)
            return
        char = self.text[self.index]
        self.index += 1
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(self.target, event)
        if self.echo:  # after the key was handled: a kill from here on must keep it
            sys.stdout.write(f"typed {self.index}\n")
            sys.stdout.flush()
