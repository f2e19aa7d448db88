"""A damaged database: what can be read is saved, the newest good backup is named.

The app and the CLI open a damaged file read-only (no upgrade, no write of any kind),
export every list that still reads to JSON, and point at the newest backup that passes
SQLite's ``quick_check``, which the user can restore.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop import paths
from desktop.storage.backup import newest_good_backup, sqlite_uri
from desktop.storage.db import close_database, open_read_only
from desktop.storage.models import database


class SalvageError(Exception):
    """Not even a read-only look at the file worked, or the export could not be written."""


@dataclass(frozen=True, slots=True)
class Damage:
    """What the user is told about a database that cannot be opened normally."""

    damaged: bool  # the file exists and fails SQLite's quick_check (or does not open)
    good_backup: str | None  # the newest intact backup's file name, if any


@dataclass(frozen=True, slots=True)
class Salvage:
    path: Path
    people: int
    unreadable: tuple[str, ...]  # lists that could not be read (missing or incomplete)


def diagnose(data_dir: Path) -> Damage:
    """Is the data folder's database damaged, and which backup could replace it?

    A separate read-only connection runs ``quick_check`` (the WAL included, so it also
    answers while the app has the file open). Seconds on a large file: off the GUI thread.
    """
    path = paths.database_path(data_dir)
    if not path.is_file() or path.stat().st_size == 0:
        return Damage(False, None)
    try:
        connection = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=5)
        try:
            rows = connection.execute("PRAGMA quick_check(1)").fetchall()
        finally:
            connection.close()
        damaged = rows != [("ok",)]
    except sqlite3.DatabaseError:
        damaged = True
    except sqlite3.Error:
        damaged = False  # locked or gone: not evidence of damage
    good = newest_good_backup(paths.backups_dir(data_dir)) if damaged else None
    return Damage(damaged, good.name if good else None)


def protect() -> None:
    """Make the open connection read-only (on the thread that owns it): writing into a
    damaged file can spread the damage; reading and exporting still work."""
    database.execute_sql("PRAGMA query_only = 1")


def export_readable(data_dir: Path, output: Path, *, already_open: bool = False) -> Salvage:
    """Export what can still be read from a damaged database to JSON at ``output``.

    The file is opened read-only and closed again; SalvageError says what went wrong
    when not even that works or the output cannot be written.
    """
    from desktop.services.exporting import ExportError, export_data
    from desktop.storage.errors import StoreError

    if not already_open:  # the app has it open (read-only by protect): use that connection
        try:
            open_read_only(paths.database_path(data_dir))
        except StoreError as exc:
            raise SalvageError(str(exc)) from exc
    unreadable: list[str] = []
    try:
        result = export_data("json", output, unreadable=unreadable)
    except (ExportError, ValueError, OSError) as exc:
        raise SalvageError(str(exc)) from exc
    finally:
        if not already_open:
            close_database()
    return Salvage(result.path, result.people, tuple(unreadable))
