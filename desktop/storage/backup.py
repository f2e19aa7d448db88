"""Online backups with SQLite's backup API: consistent copies while the app has the file open."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from pathlib import Path

#: ``rapport-YYYYMMDD-HHMMSS-<reason>[-n].sqlite3``: what :func:`timestamped_name` writes
#: (``-n`` when two backups share a second).
NAME = re.compile(r"^rapport-(\d{8}-\d{6})-([A-Za-z0-9_.-]+?)(?:-\d+)?\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"


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
    stamp = (when or datetime.now()).strftime(_STAMP)
    return f"rapport-{stamp}-{reason}.sqlite3"


def parse_timestamped_name(name: str) -> tuple[datetime, str] | None:
    """(when, reason) of a name :func:`timestamped_name` made; None for any other name."""
    match = NAME.match(name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), _STAMP), match.group(2)
    except ValueError:
        return None


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
