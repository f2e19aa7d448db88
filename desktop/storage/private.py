"""Owner-only permissions for what people confided: the data folder, database, backups, drafts.

On Linux and macOS folders become 0700 and files 0600, both when created and when an
existing one is opened (an older Rapport, or a copy made by another tool, may have left
them readable by everyone on the machine). Windows keeps its per-user profile ACLs, so
these are no-ops there. A folder or file we cannot change (a shared mount, another
owner) is left as it is: privacy is tightened where possible, never a reason to refuse.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600

#: Files beside the database that hold its contents too (SQLite's WAL and shared memory).
SIDECARS = ("-wal", "-shm", "-journal")


def applies() -> bool:
    """POSIX permission bits mean something here (not on Windows)."""
    return sys.platform != "win32"


def _chmod(path: Path, mode: int) -> None:
    if not applies():
        return
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:
        pass  # not ours to change, or gone: see the module docstring


def private_folder(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700; returns ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    _chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make an existing ``path`` 0600 (a missing one is ignored); returns ``path``."""
    _chmod(path, FILE_MODE)
    return path


def private_database(path: Path) -> None:
    """The database file, its WAL/shared-memory sidecars and its folder: owner only."""
    _chmod(path.parent, FOLDER_MODE)
    private_file(path)
    for suffix in SIDECARS:
        private_file(path.with_name(path.name + suffix))


def create_private(path: Path) -> int:
    """Open a new file for writing that nobody else can ever read (0600 from the start)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, FILE_MODE)
