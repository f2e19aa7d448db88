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
