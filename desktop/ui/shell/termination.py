"""SIGTERM (a logout, ``kill``, a service manager) ends Rapport the way Quit does.

Python runs a signal handler only when the interpreter gets control, which Qt's event
loop does not give it; the handler's wake-up byte goes through a pipe that a
``QSocketNotifier`` watches instead. The event loop then closes every window — the main
window saves its layout and pending edits, the capture window its draft — and quits.
POSIX only; on Windows nothing is installed.
"""

from __future__ import annotations

import contextlib
import os
import signal

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class _Terminator(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        # A pipe, not a socket pair: ``socket`` costs milliseconds to import, and
        # ``rapport capture`` sits behind a global shortcut.
        self._reader, self._writer = os.pipe()
        for end in (self._reader, self._writer):
            os.set_blocking(end, False)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        signal.set_wakeup_fd(self._writer, warn_on_full_buffer=False)
        for number in SIGNALS:
            signal.signal(number, lambda *_: None)  # the wake-up byte does the work

    def _woken(self) -> None:
        with contextlib.suppress(OSError):
            os.read(self._reader, 64)
        QTimer.singleShot(0, self.quit_like_the_user)

    def quit_like_the_user(self) -> None:
        """Close each visible window (their close handlers save), then end the loop."""
        for widget in list(self._app.topLevelWidgets()):
            if widget.isVisible():
                widget.close()
        self._app.quit()


def quit_on_termination(app: QApplication) -> None:
    """Handle SIGTERM/SIGHUP like File ▸ Quit for the rest of the process's life."""
    if not SIGNALS or app.property("rapportTerminator") is not None:
        return
    app.setProperty("rapportTerminator", True)
    _Terminator(app)
