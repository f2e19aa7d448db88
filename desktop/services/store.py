"""Opening the data folder, running named operations and announcing what they changed.

``operation`` wraps a use case in one transaction and, after it commits, calls every
subscribed listener with the set of ``(entity, row_id)`` it wrote, so views (Qt or not)
refresh without polling and without knowing SQL.

Importing this module imports neither peewee nor the storage package (#15): the main
window subscribes before its first frame, and on the plain start the store itself opens
after that frame (:func:`first_look`, :func:`open_after_first_look`).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from desktop import paths
from desktop.storage import front_door
from desktop.storage.errors import SQLITE_BUSY, SQLITE_LOCKED, StoreError, sqlite_code
from desktop.storage.front_door import FirstLook

if TYPE_CHECKING:
    import peewee as pw

P = ParamSpec("P")
R = TypeVar("R")
Listener = Callable[[frozenset[tuple[str, str]]], None]
_listeners: list[Listener] = []


def open_store(
    data_dir: Path, progress: Callable[[str, int, int], None] | None = None
) -> pw.SqliteDatabase:
    """Open (create, upgrade) the database of ``data_dir``; raises StoreError with advice.

    ``progress(what, done, total)`` hears how far a long upgrade is (total 0: no known
    end, as while the file is compacted); it is called on this thread.
    """
    from desktop.storage.db import open_database

    front_door.forget_deferred_open()  # this open replaces any still waiting
    if progress is None:
        return open_database(paths.database_path(data_dir))
    from desktop.storage import upgrade_progress

    previous = upgrade_progress.set_reporter(progress)
    try:
        return open_database(paths.database_path(data_dir))
    finally:
        upgrade_progress.set_reporter(previous)


def first_look(data_dir: Path) -> FirstLook | None:
    """What the first frame shows of ``data_dir``'s database, read without peewee, when
    the full open will accept it as it is; ``None``: open it with :func:`open_store`
    first (new, older, newer, damaged or locked — that open decides and says why)."""
    return front_door.first_look(paths.database_path(data_dir))


def open_after_first_look(data_dir: Path) -> None:
    """Defer the full open of ``data_dir`` (after :func:`first_look` accepted it) until
    the store is first used on this thread, or :func:`open_deferred` is called."""
    front_door.defer_open(lambda: open_store(data_dir))


def open_deferred() -> str | None:
    """Run the deferred full open now, if there is one; the user-facing message when it
    refused the file (changed since the first look), else ``None``."""
    try:
        front_door.open_if_deferred()
    except StoreError as exc:
        return str(exc)
    return None


def close_store() -> None:
    from desktop.storage.db import close_database

    front_door.forget_deferred_open()
    close_database()


def open_thread_connection(
    *,
    cache_kib: int | None = None,
    progress: Callable[[], int] | None = None,
    progress_steps: int = 5_000,
    read_only: bool = False,
) -> bool:
    """Set up the calling worker thread's own connection (see ``storage.connections``);
    False when no store is open. Background readers and jobs call this, never storage.
    ``read_only``: SQLite refuses writes on it (the app's workers never write)."""
    from desktop.storage import connections

    return connections.open_for_thread(
        cache_kib=cache_kib, progress=progress, progress_steps=progress_steps, read_only=read_only
    )


def close_thread_connection() -> None:
    """Close the calling worker thread's connection; safe when it has none."""
    from desktop.storage import connections

    connections.close_for_thread()


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call ``listener(changes)`` after every committed operation; returns an unsubscribe."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def publish() -> None:
    from desktop.storage import journal

    changes = frozenset(journal.drain_touched())
    if not changes:
        return
    for listener in list(_listeners):
        listener(changes)


def operation(func: Callable[P, R]) -> Callable[P, R]:
    """Run a use case in one transaction; announce its changes after the outermost commit."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from desktop.storage import journal
        from desktop.storage.models import database

        outermost = not database.in_transaction()
        try:
            with begin_write(outermost):
                result = func(*args, **kwargs)
        except BaseException:
            if outermost:
                journal.drain_touched()
            raise
        if outermost:
            publish()
        return result

    return wrapper


#: Extra attempts at starting a write when another process holds the file longer than
#: the busy timeout (an import beside a note loop); nothing has run yet, so retrying is safe.
BEGIN_RETRIES = 2


def begin_write(outermost: bool) -> AbstractContextManager[object]:
    """``database.atomic()``, entered with a brief retry when the file stays busy."""
    import peewee as pw

    from desktop.storage.models import database

    if not outermost:
        return database.atomic()
    for attempt in range(BEGIN_RETRIES + 1):
        block = database.atomic()
        try:
            block.__enter__()
        except pw.OperationalError as exc:
            busy = (sqlite_code(exc) or 0) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
            if attempt == BEGIN_RETRIES or not busy:
                raise
            time.sleep(0.05 * (attempt + 1))
            continue
        return _Entered(block)
    raise AssertionError("unreachable")


class _Entered:
    """A transaction block already entered: leaving it commits or rolls back as usual."""

    def __init__(self, block: pw._atomic) -> None:
        self._block = block

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> object:
        return self._block.__exit__(*exc_info)


def probe_write() -> None:
    """Start a write and roll it back: raises what a real write would (read-only file,
    another writer holding on) before anything irreversible, like a backup, is done."""
    try:
        with begin_write(True):
            from desktop.storage.models import database

            database.execute_sql("UPDATE meta SET value = value WHERE key = 'device_id'")
            raise _RollBack
    except _RollBack:
        pass


class _RollBack(Exception):
    """Leaves a probing transaction by rolling it back."""
