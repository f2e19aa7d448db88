"""Each worker thread's own SQLite connection: opened with its settings, closed at the end.

Peewee keeps one connection per thread. The GUI thread's is opened (and closed) with the
store itself; a background reader or job opens its own on first use. Two rules keep
that safe: a worker sets its connection up before its first statement (a small page
cache, and a progress handler so a superseded read stops early), and closes it when it
is done — an open connection would keep the file busy after the store is closed or
replaced (a restore, a test's temporary folder). WAL lets these readers read while the
GUI thread writes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from desktop.storage.models import database


def open_for_thread(
    *,
    cache_kib: int | None = None,
    progress: Callable[[], int] | None = None,
    progress_steps: int = 5_000,
    read_only: bool = False,
) -> bool:
    """Open this thread's connection if it is closed, with its cache size and progress
    handler (``progress()`` returning non-zero aborts the running statement).

    ``read_only`` makes SQLite refuse every write on this connection (``query_only``):
    the app's workers read, and hand writes to the single writer thread, so a write that
    slipped onto a worker fails loudly instead of racing the journal's clock.

    Returns False when there is no store to connect to: the work itself then reports
    the problem in its own words.
    """
    try:
        if not database.is_closed():
            return True
        connection = database.connection()
        if read_only:
            connection.execute("PRAGMA query_only = 1")
        if cache_kib is not None:
            connection.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
        if progress is not None:
            connection.set_progress_handler(progress, progress_steps)
        return True
    except Exception:  # no store bound, or it is closing
        return False


def close_for_thread() -> None:
    """Close this thread's connection if it has one; never raises (used in ``finally``)."""
    with contextlib.suppress(Exception):
        if database.obj is not None and not database.is_closed():
            database.close()
