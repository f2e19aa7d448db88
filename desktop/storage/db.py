"""Open, check and upgrade the database file; bind it to the deferred model handle.

Every way a file can be wrong (not SQLite, not ours, corrupt, locked, from a newer
Rapport) becomes a :class:`StoreError` that names the file and says what to do. A file
is inspected read-only before anything is written, so a refused file is never touched.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import uuid
from datetime import datetime
from pathlib import Path

import peewee as pw

from desktop.storage import private, schema, search_index, upgrade_progress
from desktop.storage.backup import (
    BackupWriteError,
    newest_good_backup,
    sqlite_uri,
    timestamped_name,
    write_backup,
)
from desktop.storage.errors import (
    RESTORE_ADVICE,
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    CorruptDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    StoreError,
    UnwritableLocationError,
    damaged_database_advice,
    sqlite_code,
    translate,
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


def _inspect(path: Path) -> int:
    """Return the schema version of an existing file, refusing anything that is not ours.

    Nothing here writes: the file is read through a read-only connection, so a refused
    file (another program's, a newer Rapport's, a damaged one) keeps every byte.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise UnwritableLocationError(
            path, f"the file cannot be read ({exc.strerror})", "Check its permissions"
        ) from exc
    if stat.S_ISDIR(mode):
        raise NotADatabaseError(
            path,
            "this is a folder, not a database file",
            "Move the folder aside or choose another data folder",
        )
    if not stat.S_ISREG(mode):
        raise NotADatabaseError(
            path, "this is not a regular file", "Move it aside or choose another data folder"
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise UnwritableLocationError(
            path, f"the file cannot be read ({exc.strerror})", "Check its permissions"
        ) from exc
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            path, "this file is not a Rapport database", "Choose another data folder"
        )
    try:
        probe = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=3)
        try:
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master")}
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise _translate(path, exc) from exc
    foreign = NotADatabaseError(
        path,
        "this SQLite file belongs to another program",
        "Choose another data folder; Rapport will not modify it",
    )
    if version < 0 or (version == 0 and tables):
        raise foreign
    if version > 0 and not tables >= schema.RAPPORT_MARKERS:
        raise foreign
    if version > schema.SCHEMA_VERSION:
        raise NewerDatabaseError(
            path,
            f"it was written by a newer Rapport (schema {version}, this one knows "
            f"{schema.SCHEMA_VERSION})",
            "Update Rapport; the file has not been changed",
        )
    missing = sorted(schema.expected_tables(version) - tables)
    if missing:
        raise CorruptDatabaseError(
            path,
            f"the database is damaged (missing table{'s' if len(missing) > 1 else ''}: "
            f"{', '.join(missing)})",
            damaged_database_advice(_good_backup_name(path)),
        )
    return version


def _good_backup_name(path: Path) -> str | None:
    found = newest_good_backup(path.parent / "backups")
    return found.name if found else None


def _translate(path: Path, exc: BaseException) -> StoreError:
    """A StoreError for ``exc``; a damaged file's message names the newest good backup."""
    code = sqlite_code(exc)
    damaged = code is None or code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return translate(path, exc, backup=_good_backup_name(path) if damaged else None)


def _set_aside_empty(path: Path) -> None:
    """A 0-byte database usually means something went wrong: keep it, start afresh, say so."""
    wal = path.with_name(path.name + "-wal")
    if path.stat().st_size != 0 or (wal.exists() and wal.stat().st_size > 0):
        return
    aside = path.with_name(f"{path.name}.empty-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        path.rename(aside)
    except OSError as exc:
        raise UnwritableLocationError(
            path,
            f"the database file is empty (0 bytes) and cannot be moved aside ({exc.strerror})",
            "Move it aside yourself and start Rapport again",
        ) from exc
    _notices.append(
        f"{path} was empty (0 bytes), which usually means something went wrong while it "
        f"was written; it was kept as {aside.name} and a new, empty database was started. "
        "If you had data, restore a backup (rapport backup --list)"
    )


_notices: list[str] = []


def take_notices() -> list[str]:
    """Things the last open did that the user should hear about (printed, shown)."""
    out = list(_notices)
    _notices.clear()
    return out


def _upgrade(db: pw.SqliteDatabase, path: Path, current: int) -> None:
    """Run the missing numbered steps, each atomic, after a backup of existing data."""
    if current == schema.SCHEMA_VERSION:
        return
    if current > 0:
        target = path.parent / "backups" / timestamped_name(f"before-v{current + 1}")
        try:
            write_backup(path, target)
        except BackupWriteError as exc:  # no upgrade without a backup that reads back
            raise UnwritableLocationError(
                path,
                f"the backup taken before upgrading does not read back ({exc})",
                "Check the disk (free space, errors) and start Rapport again",
            ) from exc
    # Foreign keys off while tables may be rebuilt, or a rebuild would cascade deletes.
    db.execute_sql("PRAGMA foreign_keys = OFF")
    # a new file's steps are instant: nothing to report (and nothing to compact)
    previous = upgrade_progress.set_reporter(None) if current == 0 else None
    try:
        for version in range(current + 1, schema.SCHEMA_VERSION + 1):
            with db.atomic():
                # Another process opening the same new folder may have run it meanwhile.
                if db.execute_sql("PRAGMA user_version").fetchone()[0] >= version:
                    continue
                schema.STEPS[version](db)
                problems = db.execute_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise CorruptDatabaseError(
                        path, f"upgrade step {version} left broken references", RESTORE_ADVICE
                    )
                db.execute_sql(f"PRAGMA user_version = {version}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
        if current == 0:
            upgrade_progress.set_reporter(previous)
    if upgrade_progress.take_compaction() and current > 0:
        _compact(db)


COMPACT_TICK = 100_000  # SQLite VM steps between two progress reports while compacting


def _compact(db: pw.SqliteDatabase) -> None:
    """VACUUM after a step freed much space, reporting that it is still at work.

    SQLite gives VACUUM no known end, so the reporter hears a growing count with total 0
    (the window shows a busy bar, the CLI a line). The WAL is truncated afterwards so
    the space really goes back to the disk.
    """
    connection = db.connection()
    ticks = 0

    def tick() -> int:
        nonlocal ticks
        ticks += 1
        upgrade_progress.report("Compacting the database", ticks, 0)
        return 0  # go on

    upgrade_progress.report("Compacting the database", 0, 0)
    connection.set_progress_handler(tick, COMPACT_TICK)
    try:
        db.execute_sql("VACUUM")
    finally:
        connection.set_progress_handler(None, 0)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _ensure_device(db: pw.SqliteDatabase) -> None:
    with db.atomic():
        if Meta.get_or_none(Meta.key == "device_id") is None:
            Meta.create(key="device_id", value=uuid.uuid4().hex[:16])


def open_database(path: Path) -> pw.SqliteDatabase:
    """Open (creating or upgrading as needed) the database at ``path`` and bind the models."""
    try:
        private.private_folder(path.parent)
    except OSError as exc:
        raise UnwritableLocationError(
            path, f"the data folder cannot be created ({exc.strerror})", "Choose another folder"
        ) from exc
    if path.is_file():
        _set_aside_empty(path)
    current = _inspect(path) if os.path.lexists(path) else 0
    # Write transactions begin as writes (BEGIN IMMEDIATE): a deferred transaction that
    # turns into a write after another process committed fails at once with "database is
    # locked", whereas an immediate one waits for the busy timeout like any other writer.
    db = pw.SqliteDatabase(
        str(path), pragmas=PRAGMAS, check_same_thread=False, timeout=3, lock_type="IMMEDIATE"
    )
    search_index.register_functions(db)
    try:
        db.connect(reuse_if_open=True)
        private.private_database(path)  # owner only, when created and whenever opened
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


def open_read_only(path: Path) -> pw.SqliteDatabase:
    """Bind the models to ``path`` opened read-only, as it is: no upgrade, no device id,
    no write of any kind. For saving what can still be read from a damaged file."""
    db = pw.SqliteDatabase(
        sqlite_uri(path, mode="ro"),
        uri=True,
        pragmas={"query_only": 1},
        check_same_thread=False,
        timeout=3,
    )
    search_index.register_functions(db)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise _translate(path, exc) from exc
    database.initialize(db)
    return db


def check_integrity(path: Path) -> None:
    """Run ``PRAGMA quick_check`` on the open database; a damaged one raises with advice.

    Damage in pages start-up never reads (an index, old conversations) is otherwise found
    only when something touches them: ``rapport selftest`` looks for it on purpose.
    """
    try:
        rows = [row[0] for row in database.execute_sql("PRAGMA quick_check(5)").fetchall()]
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        raise _translate(path, exc) from exc
    if rows != ["ok"]:
        first = " ".join(str(rows[0]).split())[:120] if rows else "no answer"
        raise CorruptDatabaseError(
            path,
            f"the database file is damaged ({first})",
            damaged_database_advice(_good_backup_name(path)),
        )


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()
