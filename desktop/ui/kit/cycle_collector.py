"""Python's cycle collector, run by the GUI thread on a timer (see ``desktop/gc_pause.py``).

Automatic collection may run on any thread that allocates; when a worker happens to free a
reference cycle that holds a Qt object, that object dies off the GUI thread and the process
can crash. Installing this switches automatic collection off and collects on the GUI thread
instead, as often as CPython would have (its own thresholds decide), checked every
``interval_ms``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop import gc_pause

#: How often the GUI thread checks whether a collection is due. CPython's first threshold
#: (2,000 net container allocations) fills in well under a second of real work, so a cycle's
#: memory waits at most about this long for its collection.
INTERVAL_MS = 500


class CycleCollector(QObject):
    """A timer on the GUI thread that runs the collections CPython would have run."""

    def __init__(self, parent: QObject, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc_pause.collect_only_on_request()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(gc_pause.collect_due)
        self._timer.start()

    def interval(self) -> int:
        """Milliseconds between checks."""
        return self._timer.interval()


_installed: list[CycleCollector] = []


def install_cycle_collector(app: QObject) -> CycleCollector:
    """Collect cycles only on ``app``'s (the GUI) thread from now on; once per application.

    The one installed is remembered here rather than looked up with ``findChild``, which
    would wrap each of the application's children in Python — its QStyle among them,
    whose type and ~40 enums the first frame does without (#15)."""
    for existing in _installed:
        try:
            if existing.parent() is app:
                return existing
        except RuntimeError:  # its application is gone
            pass
    collector = CycleCollector(app)
    _installed[:] = [collector]
    return collector
