"""Online backups with SQLite's backup API: consistent copies while the app has the file open."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def backup_file(source: Path, destination: Path) -> Path:
    """Copy ``source`` into ``destination`` page by page, safely even under WAL."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return destination


def timestamped_name(reason: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"rapport-{stamp}-{reason}.sqlite3"


def sqlite_uri(path: Path, **options: str) -> str:
    """A ``file:`` URI for ``path`` (``?`` and ``#`` in a folder name are escaped)."""
    from urllib.parse import quote, urlencode

    query = urlencode(options)
    return f"file:{quote(str(path))}" + (f"?{query}" if query else "")


def is_intact(path: Path) -> bool:
    """True if ``path`` opens read-only and passes ``PRAGMA quick_check``."""
    try:
        connection = sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True)
    except sqlite3.Error:
        return False
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
        return rows == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def newest_good_backup(backups: Path, *, tries: int = 5) -> Path | None:
    """The newest backup in ``backups`` that is intact (names sort by time, newest last)."""
    try:
        candidates = sorted(
            (p for p in backups.glob("rapport-*.sqlite3") if p.is_file()),
            key=lambda p: p.name,
            reverse=True,
        )
    except OSError:
        return None
    for path in candidates[:tries]:
        if is_intact(path):
            return path
    return None
