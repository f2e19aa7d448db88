"""A first look at the database before the main window's first frame, without peewee.

Importing peewee and the storage package costs ~33 ms, most of what opening the store
costs at start-up (#15). In the plain case — an existing file of the current schema, a
Rapport file that opens, holds its device id and takes a write lock — the first frame
needs only a few values (is anyone in the network?), which the standard library's
``sqlite3`` reads in a millisecond. :func:`first_look` returns them; anything else
(a new or empty folder, an older schema to upgrade, a newer one, another program's or
a damaged file, a lock held by another writer) returns ``None`` and the caller takes
the full open (:func:`desktop.storage.db.open_database`) before any window, exactly
as before, with its upgrade progress and its messages. This module only reads: every
refusal is left to the full open, which names the file and says what to do.

After the frame the store is opened with peewee as always (same pragmas, same checks):
:func:`defer_open` records how, and the model's database handle runs it the moment
anything reads or writes through peewee on that thread, whichever comes first — the
window's own after-the-frame start or an early action — so nothing can touch the file
before the full open has checked it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

#: The schema this Rapport writes and the tables it holds (``schema.SCHEMA_VERSION`` and
#: ``schema.expected_tables(SCHEMA_VERSION) | RAPPORT_MARKERS``, which import peewee;
#: a test keeps the copies equal). A schema step changes them together.
CURRENT_VERSION = 6
CURRENT_TABLES = frozenset(
    {
        "attendance",
        "change",
        "commitment",
        "conflict",
        "contact_point",
        "conversation",
        "conversation_index",
        "draft",
        "event",
        "exchange",
        "field_clock",
        "important_date",
        "introduction",
        "meta",
        "participant",
        "person",
        "person_index",
        "sync_device",
        "sync_parked",
        "sync_seen",
        "sync_state",
        "sync_vector",
        "tag",
    }
)
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FirstLook:
    """What the first frame shows of a database that the full open will accept."""

    has_people: bool


def first_look(path: Path) -> FirstLook | None:
    """The first frame's values when ``path`` is the plain case, else ``None``.

    Never raises for a bad file and never writes: a ``None`` sends the caller to the
    full open, which refuses (or upgrades, or creates) in its own words.
    """
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return None  # empty, new, another program's: the full open decides
        reader = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=0)
        try:
            if reader.execute("PRAGMA user_version").fetchone()[0] != CURRENT_VERSION:
                return None  # older (upgrade, with its backup first) or newer (refused)
            tables = {row[0] for row in reader.execute("SELECT name FROM sqlite_master")}
            if not tables >= CURRENT_TABLES:
                return None  # damaged: the full open names what is missing
            if reader.execute("SELECT 1 FROM meta WHERE key = 'device_id'").fetchone() is None:
                return None  # the full open writes it
            has_people = reader.execute(
                "SELECT EXISTS (SELECT 1 FROM person WHERE deleted = 0)"
            ).fetchone()[0]
        finally:
            reader.close()
        if not _takes_write_lock(path):
            return None  # read-only file, or another writer holds it: the full open waits
    except (OSError, sqlite3.Error):
        return None
    return FirstLook(has_people=bool(has_people))


def _takes_write_lock(path: Path) -> bool:
    """Whether a writer could start now, as the full open checks (``BEGIN IMMEDIATE``,
    rolled back at once: nothing is written)."""
    writer = sqlite3.connect(_uri(path, "rw"), uri=True, timeout=0, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("ROLLBACK")
    except sqlite3.Error:
        return False
    finally:
        writer.close()
    return True


def _uri(path: Path, mode: str) -> str:
    # as backup.sqlite_uri, whose module imports more than this one may before the frame
    return f"file:{quote(str(path))}?mode={mode}"


# --- The full open, deferred past the first frame --------------------------------------

_pending: list[tuple[int, Callable[[], object]]] = []
_failed: list[BaseException] = []  # what the deferred open raised, for its owner to show


def defer_open(opener: Callable[[], object]) -> None:
    """Run ``opener`` (the full open) on this thread before anything uses the store."""
    _failed.clear()
    _pending[:] = [(threading.get_ident(), opener)]


def has_deferred_open() -> bool:
    return bool(_pending or _failed)


def open_if_deferred() -> None:
    """Run the deferred full open now, when this thread deferred one (another thread gets
    AttributeError, as from an unbound store); its StoreError (a file that changed since
    the first look) propagates to whoever needed the store, and again to each later
    call, so the window that deferred it hears it too."""
    if _failed:
        raise _failed[0]
    if not _pending:
        return
    if _pending[0][0] != threading.get_ident():  # a worker: no store for it yet
        raise AttributeError("the store opens after the first frame, on the GUI thread")
    _ident, opener = _pending.pop()
    try:
        opener()
    except Exception as exc:
        _failed[:] = [exc]
        raise


def forget_deferred_open() -> None:
    """Drop a deferred open that will not run, or its failure (another open replaces it)."""
    _pending.clear()
    _failed.clear()
