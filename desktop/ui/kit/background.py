"""One way to run work off the GUI thread, and one way back to it.

Rapport's threading model (docs/architecture.md): the GUI thread is the single writer —
every write, and its journal entry, happens there, in one transaction — and the only
place Qt widgets are touched. Work that would freeze the window runs on a worker:

* :class:`TaskManager` — keyed read-only queries for the views and search (at 10,000
  people some reads take seconds); the newest request per key wins.
* :class:`Job` / :func:`run_job` — one piece of long work (an import's preview, an
  export, a sync cycle, a backup) on a thread of its own, with progress.
* :class:`WriterBridge` — how a worker writes: it hands a small function to the GUI
  thread and waits for it, so its writes never race the user's own edits.

Results, errors and progress always come back on the GUI thread, through queued
signals. Every worker thread sets up and closes its own SQLite connection through
:mod:`desktop.services.store` (WAL lets it read while the GUI thread writes); that
connection is read-only (``query_only``), so a write that strays onto a worker fails at
once instead of racing the journal's clock and its list of touched rows.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

#: SQLite virtual-machine steps between checks whether the running read is still wanted
#: (a few thousand steps take well under a millisecond).
PROGRESS_STEPS = 5_000


class _Task:
    """One queued request (a plain class: a dataclass is made by compiling its methods,
    ~0.4 ms of the main window's start-up, #15)."""

    __slots__ = ("fn", "key", "on_done", "on_error", "token")

    def __init__(
        self,
        key: str,
        token: int,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self.key = key
        self.token = token
        self.fn = fn
        self.on_done = on_done
        self.on_error = on_error


class TaskManager(QObject):
    """Runs keyed read-only callables on one worker thread, newest request wins.

    Each task has a key; submitting a key again supersedes the older request: a queued
    one is replaced, a running one stops at SQLite's next progress check, and only the
    newest result is ever delivered. Writes never run here.
    """

    _finished = Signal(object, object, object)  # task, result, error
    idle = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        cache_kib: int = 4096,
        keep_connection: bool = True,
        held: bool = False,
    ) -> None:
        """``cache_kib``: this reader's SQLite page cache (the OS caches the file too, so
        a small one costs little time and saves tens of MB per reader at 10,000 people);
        ``keep_connection=False`` closes the connection after each task (rare bulk reads);
        ``held``: queue requests but start none until :meth:`release` (the main window
        holds its readers until its first frame is drawn, so no read competes with it).
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
        self._held = held
        self._finished.connect(self._deliver)
        # Started with the first request (a window may never need its reader).
        self._thread = threading.Thread(target=self._loop, name="rapport-reader", daemon=True)

    def release(self) -> None:
        """Let a held reader start what was queued (and everything after)."""
        with self._lock:
            self._held = False
            if self._pending:
                self._start_thread()
            self._lock.notify()

    def _start_thread(self) -> None:
        """Start the worker once (called with the lock held)."""
        if not self._thread.is_alive() and not self._stopping and self._thread.ident is None:
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
            if not self._held:
                self._start_thread()
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
                    while (not self._pending or self._held) and not self._stopping:
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
            cache_kib=self._cache_kib,
            progress=self._superseded,
            progress_steps=PROGRESS_STEPS,
            read_only=True,
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


def error_text(exc: BaseException) -> str:
    """A service error as the user reads it: its message, never a traceback."""
    return str(exc) or type(exc).__name__


class Job(QObject):
    """Runs one callable on a thread of its own; results arrive on the GUI thread.

    ``fn`` receives a ``progress(stage, done, total)`` callback (the services' shape).
    ``on_error`` receives the exception itself. The thread's own SQLite connection is
    closed when it ends.
    """

    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(
        self,
        fn: Callable[[Callable[[str, int, int], None]], Any],
        parent: QObject,
        name: str = "rapport-job",
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self.running = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.on_done: Callable[[Any], None] | None = None
        self.on_error: Callable[[BaseException], None] | None = None
        self.on_progress: Callable[[str, int, int], None] | None = None
        # Bound methods of this GUI-thread object: emitted from the worker they queue.
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def _run(self) -> None:
        from desktop.services import store  # lazily: keeps peewee off capture's start-up

        try:
            # Reads only: its writes go through a WriterBridge (the GUI thread writes).
            store.open_thread_connection(read_only=True)
            result = self._fn(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which decides
            self._emit(self.failed, exc)
        else:
            self._emit(self.succeeded, result)
        finally:
            store.close_thread_connection()

    def _progress(self, stage: str, done: int, total: int) -> None:
        self._emit(self.progressed, stage, done, total)

    def _emit(self, signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the owner was closed and deleted meanwhile
            signal.emit(*args)

    def _deliver_result(self, result: Any) -> None:
        self.running = False
        if self.on_done is not None:
            self.on_done(result)

    def _deliver_error(self, error: BaseException) -> None:
        self.running = False
        if self.on_error is not None:
            self.on_error(error)

    def _deliver_progress(self, stage: str, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(stage, done, total)

    def wait(self, timeout: float = 30.0) -> None:
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)


def run_job(
    parent: QObject,
    fn: Callable[[Callable[[str, int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[str, int, int], None] | None = None,
    *,
    name: str = "rapport-job",
    dispose: bool = False,
) -> Job:
    """Start ``fn(progress)`` in the background; the handlers run on the GUI thread.

    ``dispose=True``: the job deletes itself once its outcome is delivered (for
    fire-and-forget work; a dialog that asks ``job.running`` keeps it).
    """
    job = Job(fn, parent, name)
    job.on_done, job.on_error, job.on_progress = on_done, on_error, on_progress
    if dispose:
        job.succeeded.connect(job.deleteLater)
        job.failed.connect(job.deleteLater)
    job.start()
    return job


def run_writer_job(
    parent: QObject,
    bridge: WriterBridge,
    jobs: list[Job],
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    name: str,
    after: Callable[[], None] | None = None,
) -> Job:
    """Start ``fn(run_db=bridge.call)`` on a worker whose writes go through ``bridge``.

    The job is kept in ``jobs`` (its owner's list, for closing) until its outcome is
    delivered on the GUI thread; then it is disposed of and ``after`` runs (a controller's
    status refresh). Sync and the address book run their work this one way.
    """
    job = Job(lambda _progress: fn(run_db=bridge.call), parent, name)

    def deliver(handler: Callable[[Any], None], outcome: Any) -> None:
        if job in jobs:
            jobs.remove(job)
        job.deleteLater()
        handler(outcome)
        if after is not None:
            after()

    job.on_done = lambda result: deliver(on_done, result)
    job.on_error = lambda error: deliver(on_error, error)
    jobs.append(job)
    job.start()
    return job


class Cancelled(Exception):
    """The bridge is closing: the worker stops at its next call to the writer."""


class _Call:
    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None


class WriterBridge(QObject):
    """Runs functions from worker threads on the thread this object lives in (the GUI
    thread, the single writer) and hands back their result or exception."""

    _request = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request.connect(self._run)
        self.closing = False
        self.busy = False  # running a worker's function right now (e.g. applying a pull)

    def call(self, fn: Callable[[], Any]) -> Any:
        """``fn()`` on the writer's thread; from that thread itself, just ``fn()``."""
        if threading.current_thread() is threading.main_thread():
            return fn()
        if self.closing:
            raise Cancelled()
        call = _Call(fn)
        self._request.emit(call)
        while not call.done.wait(0.2):
            if self.closing:
                raise Cancelled()
        if call.error is not None:
            raise call.error
        return call.result

    @Slot(object)
    def _run(self, call: _Call) -> None:
        self.busy = True
        try:
            call.result = call.fn()
        except BaseException as exc:  # handed back to the worker, which reports it
            call.error = exc
        finally:
            self.busy = False
            call.done.set()
