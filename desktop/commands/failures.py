"""Turning failures the commands did not foresee into one line and an exit status.

``desktop.cli.main`` calls :func:`explain` for any exception a command lets through: a
SQLite error (a full disk, a damaged or read-only file, a lock held too long), an
``OSError`` from a file the user named, text that is not valid UTF-8. Each becomes one
line that names the file and what to do, never a traceback. Imported only on failure.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from pathlib import Path

#: Exit status for a failure nobody foresaw (sysexits' EX_SOFTWARE).
UNEXPECTED = 70


def not_text(arguments: list[str]) -> str | None:
    """The message for the first argument that is not valid UTF-8 text, if any.

    POSIX hands Python arguments as bytes, decoded with ``surrogateescape``: a byte that
    is not UTF-8 becomes a lone surrogate that SQLite, JSON and the terminal all refuse
    later, deep inside a command. Refusing it at the door names the argument instead.
    """
    for position, value in enumerate(arguments, start=1):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raw = value.encode("utf-8", "surrogateescape")
            shown = raw.decode("utf-8", "backslashreplace")
            return (
                f"argument {position} ({printable(shown)}) is not valid UTF-8 text "
                f"(byte 0x{raw[exc.start] if exc.start < len(raw) else 0:02x}); "
                "retype it or set a UTF-8 locale"
            )
    return None


def printable(text: str, limit: int = 80) -> str:
    """``text`` safe for a terminal: control characters escaped, long text shortened
    (``limit`` 0: never)."""
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        else:
            out.append(char.encode("unicode_escape", "backslashreplace").decode("ascii"))
    flat = "".join(out)
    return flat if not limit or len(flat) <= limit else flat[: limit - 1] + "…"


def explain(exc: BaseException, data_dir: str | None) -> tuple[str, int] | None:
    """(one-line message, exit status) for ``exc``; None for what must propagate."""
    if isinstance(exc, (SystemExit, KeyboardInterrupt, GeneratorExit)):
        return None
    from desktop.storage.errors import StoreError, sqlite_code, translate

    if isinstance(exc, StoreError):
        return str(exc), 1
    if isinstance(exc, sqlite3.Error) or sqlite_code(exc) is not None or _is_peewee(exc):
        path = _database_path(data_dir)
        from desktop.storage.db import _translate

        return str(_translate(path, exc) if path else translate(Path("?"), exc)), 1
    if isinstance(exc, OSError):
        return _os_error(exc), 1
    if isinstance(exc, UnicodeError):
        return f"text that is not valid UTF-8 cannot be used here ({exc.reason})", 2
    if isinstance(exc, (MemoryError, RecursionError)):
        return f"the input is too large or too deeply nested to handle ({type(exc).__name__})", 1
    detail = printable(str(exc), 200)
    return (
        f"unexpected error ({type(exc).__name__}: {detail}); please report it "
        "(set RAPPORT_DEBUG=1 to see the details)",
        UNEXPECTED,
    )


def _is_peewee(exc: BaseException) -> bool:
    peewee = sys.modules.get("peewee")
    return peewee is not None and isinstance(exc, peewee.PeeweeException)


def _database_path(data_dir: str | None) -> Path | None:
    from desktop.storage.models import database

    if database.obj is not None:
        return Path(database.obj.database)
    from desktop import paths

    try:
        return paths.database_path(paths.data_dir(data_dir))
    except Exception:  # the message must not fail in turn
        return None


def _os_error(exc: OSError) -> str:
    where = exc.filename if exc.filename is not None else ""
    where = printable(os.fsdecode(where)) + ": " if where else ""
    if exc.errno == errno.ENOSPC:
        return (
            f"{where}the disk is full; nothing more could be written. Free some space on "
            "that disk (empty the trash, remove large files you no longer need) and try again"
        )
    if exc.errno == errno.EDQUOT:
        return f"{where}your disk quota is used up; free some space and try again"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where}permission denied ({exc.strerror}); check the file and its folder"
    return f"{where}{exc.strerror or exc}"
