"""Opening the data folder, running named operations and announcing what they changed.

``operation`` wraps a use case in one transaction and, after it commits, calls every
subscribed listener with the set of ``(entity, row_id)`` it wrote, so views (Qt or not)
refresh without polling and without knowing SQL.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import peewee as pw

from desktop import paths
from desktop.storage import connections, journal
from desktop.storage.db import close_database, open_database
from desktop.storage.models import database

P = ParamSpec("P")
R = TypeVar("R")
Listener = Callable[[frozenset[tuple[str, str]]], None]
_listeners: list[Listener] = []


def open_store(data_dir: Path) -> pw.SqliteDatabase:
    """Open (create, upgrade) the database of ``data_dir``; raises StoreError with advice."""
    return open_database(paths.database_path(data_dir))


def close_store() -> None:
    close_database()


def open_thread_connection(
    *,
    cache_kib: int | None = None,
    progress: Callable[[], int] | None = None,
    progress_steps: int = 5_000,
) -> bool:
    """Set up the calling worker thread's own connection (see ``storage.connections``);
    False when no store is open. Background readers and jobs call this, never storage."""
    return connections.open_for_thread(
        cache_kib=cache_kib, progress=progress, progress_steps=progress_steps
    )


def close_thread_connection() -> None:
    """Close the calling worker thread's connection; safe when it has none."""
    connections.close_for_thread()


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call ``listener(changes)`` after every committed operation; returns an unsubscribe."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def publish() -> None:
    changes = frozenset(journal.drain_touched())
    if not changes:
        return
    for listener in list(_listeners):
        listener(changes)


def operation(func: Callable[P, R]) -> Callable[P, R]:
    """Run a use case in one transaction; announce its changes after the outermost commit."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        outermost = not database.in_transaction()
        try:
            with database.atomic():
                result = func(*args, **kwargs)
        except BaseException:
            if outermost:
                journal.drain_touched()
            raise
        if outermost:
            publish()
        return result

    return wrapper
