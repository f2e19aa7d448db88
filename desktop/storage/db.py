"""Open, check and upgrade the database file; bind it to the deferred model handle.

Every way a file can be wrong (not SQLite, not ours, corrupt, locked, from a newer
Rapport) becomes a :class:`StoreError` that names the file and says what to do. A file
is inspected read-only before anything is written, so a refused file is never touched.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import peewee as pw

from desktop.storage import schema, search_index
from desktop.storage.backup import backup_file, timestamped_name
from desktop.storage.errors import (
    CorruptDatabaseError,
    LockedDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    StoreError,
    UnwritableLocationError,
)
from desktop.storage.models import Meta, database

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 3000,
    "cache_size": -32_000,
}
RESTORE_ADVICE = "Restore it from a backup (Help ▸ Restore from backup…) or move it aside"


def _inspect(path: Path) -> int:
    """Return the schema version of an existing file, refusing anything that is not ours."""
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            path, "this file is not a Rapport database", "Choose another data folder"
        )
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=3)
        try:
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master")}
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise _translate(path, exc) from exc
    if version == 0 and tables:
        raise NotADatabaseError(
            path,
            "this SQLite file belongs to another program",
            "Choose another data folder; Rapport will not modify it",
        )
    if version > schema.SCHEMA_VERSION:
        raise NewerDatabaseError(
            path,
            f"it was written by a newer Rapport (schema {version}, this one knows "
            f"{schema.SCHEMA_VERSION})",
            "Update Rapport; the file has not been changed",
        )
    return version


def _translate(path: Path, exc: Exception) -> StoreError:
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return LockedDatabaseError(
            path,
            "the database is in use by another program or Rapport window",
            "Close the other Rapport and try again",
        )
    if "not a database" in message:
        return NotADatabaseError(path, "this file is not a Rapport database", RESTORE_ADVICE)
    if "malformed" in message or "corrupt" in message:
        return CorruptDatabaseError(path, "the database file is damaged", RESTORE_ADVICE)
    if "unable to open" in message or "readonly" in message or "read-only" in message:
        return UnwritableLocationError(
            path, "the file cannot be opened for writing", "Check the folder's permissions"
        )
    return CorruptDatabaseError(path, f"the database cannot be read ({exc})", RESTORE_ADVICE)


def _upgrade(db: pw.SqliteDatabase, path: Path, current: int) -> None:
    """Run the missing numbered steps, each atomic, after a backup of existing data."""
    if current == schema.SCHEMA_VERSION:
        return
    if current > 0:
        backup_file(path, path.parent / "backups" / timestamped_name(f"before-v{current + 1}"))
    # Foreign keys off while tables may be rebuilt, or a rebuild would cascade deletes.
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for version in range(current + 1, schema.SCHEMA_VERSION + 1):
            with db.atomic():
                schema.STEPS[version](db)
                problems = db.execute_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise CorruptDatabaseError(
                        path, f"upgrade step {version} left broken references", RESTORE_ADVICE
                    )
                db.execute_sql(f"PRAGMA user_version = {version}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


def _ensure_device(db: pw.SqliteDatabase) -> None:
    with db.atomic():
        if Meta.get_or_none(Meta.key == "device_id") is None:
            Meta.create(key="device_id", value=uuid.uuid4().hex[:16])


def open_database(path: Path) -> pw.SqliteDatabase:
    """Open (creating or upgrading as needed) the database at ``path`` and bind the models."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnwritableLocationError(
            path, f"the data folder cannot be created ({exc.strerror})", "Choose another folder"
        ) from exc
    current = _inspect(path) if path.exists() else 0
    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False, timeout=3)
    search_index.register_functions(db)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("BEGIN IMMEDIATE")  # fails fast if another writer holds the file
        db.execute_sql("ROLLBACK")
        database.initialize(db)
        _upgrade(db, path, current)
        _ensure_device(db)
    except StoreError:
        db.close()
        raise
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise _translate(path, exc) from exc
    return db


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()
