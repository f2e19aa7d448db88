"""Store errors with messages a person can act on: which file, what is wrong, what to do."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every expected storage failure; ``str(error)`` is shown to the user as is."""

    def __init__(self, path: Path, problem: str, advice: str) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"{path}: {problem}. {advice}")


class NotADatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


class LockedDatabaseError(StoreError):
    pass


class NewerDatabaseError(StoreError):
    pass


class UnwritableLocationError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


# SQLite's primary result codes (https://sqlite.org/rescode.html); an extended code
# carries its primary code in the low byte. Decisions are made on these, never on the
# English text of a message, which differs between SQLite versions.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_IOERR_NOMEM = SQLITE_IOERR | (12 << 8)

RESTORE_ADVICE = "Restore it from a backup (Help ▸ Restore from backup…) or move it aside"
FULL_ADVICE = (
    "Nothing was changed. Free some space on that disk (empty the trash, remove large "
    "files you no longer need or old files in the data folder's backups/) and try again"
)


# SQLite's own message for each primary code (``sqlite3_errstr``). Python 3.10's sqlite3
# errors carry no ``sqlite_errorcode`` (it came in 3.11); there the code is read back
# from these exact canonical words — still SQLite's code, never a guess on any text.
_CANONICAL_MESSAGES = {
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
    "attempt to write a readonly database": SQLITE_READONLY,
    "disk i/o error": SQLITE_IOERR,
    "database disk image is malformed": SQLITE_CORRUPT,
    "database or disk is full": SQLITE_FULL,
    "unable to open database file": SQLITE_CANTOPEN,
    "file is not a database": SQLITE_NOTADB,
}


def _code_of(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code
    if hasattr(exc, "sqlite_errorcode"):  # 3.11+: the code was there, and says nothing
        return None
    return _CANONICAL_MESSAGES.get(str(exc).strip().lower())


def sqlite_code(exc: BaseException | None) -> int | None:
    """The SQLite result code behind ``exc`` (peewee wraps sqlite3's errors), if any.

    The chain is followed through ``__cause__``/``__context__`` and peewee's wrapped
    ``args[0]``: a failed write may surface as "cannot rollback - no transaction is
    active" while the real reason (the disk is full) is the error it happened during.
    """
    seen: set[int] = set()
    found: int | None = None
    stack = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        code = _code_of(current)
        # 1 is SQLITE_ERROR (says nothing); a full disk wins over the rollback it caused.
        if not isinstance(code, int) or code & 0xFF in (0, 1):
            pass
        elif found is None or (code & 0xFF) == SQLITE_FULL:
            found = code
        stack.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        stack.extend((current.__cause__, current.__context__))
    return found


def translate(path: Path, exc: BaseException, *, backup: str | None = None) -> StoreError:
    """Turn a SQLite error about ``path`` into a StoreError a person can act on.

    ``backup`` names the newest good backup, offered when the file is damaged.
    """
    code = sqlite_code(exc)
    primary = code & 0xFF if code is not None else None
    message = str(exc).lower()
    damaged_advice = damaged_database_advice(backup)
    if primary == SQLITE_FULL or (code == SQLITE_IOERR and "full" in message):
        return DiskFullError(path, f"the disk holding {path.parent} is full", FULL_ADVICE)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return LockedDatabaseError(
            path,
            "the database is in use by another program or Rapport window",
            "Close the other Rapport and try again",
        )
    if primary == SQLITE_NOTADB:
        return NotADatabaseError(path, "this file is not a Rapport database", RESTORE_ADVICE)
    if primary == SQLITE_CORRUPT:
        return CorruptDatabaseError(path, "the database file is damaged", damaged_advice)
    if primary == SQLITE_READONLY:
        return UnwritableLocationError(
            path,
            "the database file is read-only",
            "Make the file and its folder writable (or copy the folder somewhere writable) "
            "and try again; nothing was changed",
        )
    if primary == SQLITE_CANTOPEN:
        return UnwritableLocationError(
            path, "the file cannot be opened for writing", "Check the folder's permissions"
        )
    if "no such table" in message or "no such column" in message:
        return CorruptDatabaseError(path, f"the database is damaged ({exc})", damaged_advice)
    if primary == SQLITE_IOERR:
        return CorruptDatabaseError(
            path,
            f"the disk could not read or write the database ({exc})",
            "Check the disk (is it full, removed or failing?); "
            + RESTORE_ADVICE[0].lower()
            + RESTORE_ADVICE[1:],
        )
    if primary is None:  # an error SQLite gave no code for: do not claim damage
        return StoreError(
            path,
            f"the database could not be used ({exc})",
            "Try again; if it happens again, run rapport selftest",
        )
    return CorruptDatabaseError(path, f"the database cannot be read ({exc})", damaged_advice)


def damaged_database_advice(backup: str | None) -> str:
    """What to do with a damaged file: read what can be read, then restore a good copy."""
    export = "Save what can still be read with rapport export --format json -o FILE"
    if backup:
        return (
            f"{export}, then restore the newest good backup ({backup}) with "
            f"rapport backup --restore {backup} --yes (or Help ▸ Restore from backup…)"
        )
    return f"{export}; no good backup was found in the data folder's backups/"
