"""One background worker for slow database reads, results delivered on the GUI thread.

At 10,000 people some reads take seconds (all card summaries) or hundreds of
milliseconds (a one-letter search, every open promise). They run here, one at a time,
on their own SQLite connection (Peewee keeps one per thread; WAL lets it read while the
GUI thread writes). Each task has a key; submitting a key again supersedes the older
request: a queued one is replaced, a running one stops at SQLite's next progress check,
and only the newest result is ever delivered. Writes never run here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

#: SQLite virtual-machine steps between checks whether the running read is still wanted
#: (a few thousand steps take well under a millisecond).
PROGRESS_STEPS = 5_000


@dataclass
class _Task:
    key: str
    token: int
    fn: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None


class TaskManager(QObject):
    """Runs keyed read-only callables on one worker thread, newest request wins."""

    _finished = Signal(object, object, object)  # task, result, error
    idle = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        cache_kib: int = 4096,
        keep_connection: bool = True,
    ) -> None:
        """``cache_kib``: this reader's SQLite page cache (the OS caches the file too, so
        a small one costs little time and saves tens of MB per reader at 10,000 people);
        ``keep_connection=False`` closes the connection after each task (rare bulk reads).
        """
        super().__init__(parent)
        self._cache_kib = cache_kib
        self._keep_connection = keep_connection
        self._lock = threading.Condition()
        self._pending: dict[str, _Task] = {}
        self._latest: dict[str, int] = {}
        self._running: _Task | None = None
        self._counter = 0
        self._stopping = False
        self._in_flight = 0  # taken by the worker, result not yet delivered
        self._finished.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name="rapport-reader", daemon=True)
        self._thread.start()

    def run(
        self,
        key: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        """Queue ``fn`` under ``key``; ``on_done(result)`` runs on the GUI thread if newest."""
        with self._lock:
            self._counter += 1
            task = _Task(key, self._counter, fn, on_done, on_error)
            self._pending[key] = task
            self._latest[key] = task.token
            # A running request of the same key is now worthless: the progress handler
            # of the worker's connection sees that and stops its SQL early.
            self._lock.notify()
            return task.token

    def cancel(self, key: str) -> None:
        """Forget ``key``: a queued request is dropped, a running one's result ignored."""
        with self._lock:
            self._pending.pop(key, None)
            self._counter += 1
            self._latest[key] = self._counter

    def is_busy(self) -> bool:
        """Whether any request is queued, running or waiting to be delivered."""
        with self._lock:
            return bool(self._pending) or self._in_flight > 0

    def _loop(self) -> None:
        try:
            while True:
                with self._lock:
                    while not self._pending and not self._stopping:
                        self._lock.wait()
                    if self._stopping:
                        return
                    key = next(iter(self._pending))
                    task = self._pending.pop(key)
                    self._running = task
                    self._in_flight += 1
                self._open_connection()
                result, error = self._execute(task)
                with self._lock:
                    self._running = None
                if not self._keep_connection:
                    self._close_connection()
                self._finished.emit(task, result, error)
        finally:
            self._close_connection()

    def _execute(self, task: _Task) -> tuple[Any, BaseException | None]:
        if not self._is_current(task):
            return None, None  # superseded while queued
        try:
            return task.fn(), None
        except Exception as exc:  # handed to the GUI thread, which decides
            if not self._is_current(task):
                return None, None  # stopped for a newer request: nothing to report
            return None, exc

    def _superseded(self) -> int:
        """SQLite's progress callback: non-zero aborts the statement ("interrupted")."""
        running = self._running
        if running is None:
            return 0
        return int(self._stopping or self._latest.get(running.key) != running.token)

    def _is_current(self, task: _Task) -> bool:
        with self._lock:
            return self._latest.get(task.key) == task.token

    def _open_connection(self) -> None:
        """This thread's own connection (Peewee keeps one per thread), set up once."""
        from desktop.services import store  # lazily: keeps peewee off capture's start-up

        store.open_thread_connection(
            cache_kib=self._cache_kib, progress=self._superseded, progress_steps=PROGRESS_STEPS
        )

    @staticmethod
    def _close_connection() -> None:
        from desktop.services import store

        store.close_thread_connection()

    def _deliver(self, task: _Task, result: Any, error: BaseException | None) -> None:
        with self._lock:
            current = self._latest.get(task.key) == task.token
            self._in_flight -= 1
        try:
            if current:
                self._hand_over(task, result, error)
        finally:
            if not self.is_busy():
                self.idle.emit()

    @staticmethod
    def _hand_over(task: _Task, result: Any, error: BaseException | None) -> None:
        if error is None:
            task.on_done(result)
        elif task.on_error is not None:
            task.on_error(error)
        else:
            raise error

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop the worker (a running statement aborts) and close its connection."""
        with self._lock:
            self._stopping = True  # a running statement stops at its next progress check
            self._pending.clear()
            self._lock.notify_all()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)
