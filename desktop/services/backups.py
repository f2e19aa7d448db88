"""Rotating backups of the database, and restoring one: the user's safety net.

Backups are consistent copies made with SQLite's online backup API while the app has
the file open (:mod:`desktop.storage.backup`), kept in ``<data>/backups/`` under the
same names the schema upgrade uses: ``rapport-YYYYMMDD-HHMMSS-<reason>.sqlite3.zst``
(compressed, written under a hidden name and renamed once checked: see
:func:`desktop.storage.backup.write_backup`; plain ``.sqlite3`` copies from older versions
are still listed and restored). They are taken:

- at start and every few hours of use (:func:`backup_if_due`, called by the app at
  start and on a timer), unless a backup of any kind is younger than the interval;
- before every import, merge and restore (:func:`backup_before`), and before every
  schema upgrade (storage/db.py).

Pruning keeps every backup of the last 7 days, then the newest of each ISO week for a
year (:data:`KEEP_WEEKS`), and deletes the rest. The folder is also bounded by size: it
never holds more than :data:`SIZE_FACTOR` times the compressed size of the current
database (the newest backup); the oldest go first, and the newest :data:`ALWAYS_KEEP`
always stay, whatever their size. Restoring first backs up the current
file, closes the store, copies the chosen backup over the live file through the backup
API (never a plain file copy, which would race the WAL), and reopens it — upgrading it
when it comes from an older Rapport.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.storage import private, schema
from desktop.storage.backup import (
    BackupWriteError,
    backup_file,
    backup_paths,
    extract,
    is_compressed,
    parse_timestamped_name,
    read_meta,
    remove_leftovers,
    timestamped_name,
    write_backup,
)
from desktop.storage.models import database

INTERVAL = timedelta(hours=4)
KEEP_DAYS = 7
KEEP_WEEKS = 52
#: The backups folder never grows past this many times the newest backup's size …
SIZE_FACTOR = 3
#: … except that the newest few always stay.
ALWAYS_KEEP = 3


class BackupError(Exception):
    """A backup cannot be made, read or restored; ``str()`` says which and why."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    name: str
    path: Path
    created: datetime
    reason: str  # auto | manual | before-import | before-merge | before-restore | before-v3 …
    size: int  # bytes
    people: int | None = None  # live people in it (None when it could not be read)
    conversations: int | None = None
    schema_version: int | None = None
    problem: str = ""  # why it cannot be read, if it cannot


def _parse_name(path: Path) -> tuple[datetime, str] | None:
    return parse_timestamped_name(path.name)


def _files(data_dir: Path) -> list[tuple[Path, datetime, str]]:
    """(path, created, reason) of every backup, newest first."""
    out = []
    for path in backup_paths(paths.backups_dir(data_dir)):
        parsed = _parse_name(path)
        if parsed:
            out.append((path, *parsed))
    return sorted(out, key=lambda item: (item[1], item[0].name), reverse=True)


def _unique(folder: Path, name: str) -> Path:
    """``name``, or ``name`` with ``-2``, ``-3``… before its suffix when taken (plain or not)."""
    stem = name.removesuffix(".zst").removesuffix(".sqlite3")

    def taken(candidate: str) -> bool:
        return (folder / f"{candidate}.sqlite3").exists() or (
            folder / f"{candidate}.sqlite3.zst"
        ).exists()

    candidate, counter = stem, 2
    while taken(candidate):
        candidate = f"{stem}-{counter}"
        counter += 1
    return folder / (candidate + name[len(stem) :])


def backup_now(
    data_dir: Path, *, reason: str = "manual", now: datetime | None = None
) -> BackupInfo:
    """Copy the data folder's database into its backups folder now."""
    source = paths.database_path(data_dir)
    if not source.exists():
        raise BackupError(f"{source}: there is no database to back up yet")
    folder = paths.backups_dir(data_dir)
    moment = (now or datetime.now()).replace(microsecond=0)
    try:
        private.private_folder(folder)
        target = _unique(folder, timestamped_name(reason, moment))
        contents = write_backup(source, target)
    except (OSError, sqlite3.Error, BackupWriteError) as exc:
        raise BackupError(f"cannot write a backup into {folder}: {exc}") from exc
    return BackupInfo(
        target.name,
        target,
        moment,
        reason,
        target.stat().st_size,
        contents.people,
        contents.conversations,
        contents.schema_version,
    )


def open_data_dir() -> Path | None:
    """The data folder of the open store, if one is open."""
    if database.obj is None or database.is_closed():
        return None
    return Path(database.obj.database).parent


def backup_before(
    reason: str,
    *,
    data_dir: Path | None = None,
    run_db: Callable[[Callable[[], Any]], Any] | None = None,
) -> BackupInfo | None:
    """The safety copy taken before an import, a merge or a restore.

    Returns None when no store is open (nothing to protect). Raises BackupError when the
    copy fails: better to stop than to change data without a way back. ``run_db`` runs
    the write probe where writes run (a worker's own connection is read-only).
    """
    folder = data_dir or open_data_dir()
    if folder is None or not paths.database_path(folder).exists():
        return None
    if database.obj is not None and database.in_transaction():
        raise BackupError("a backup cannot be taken inside a running change")
    if database.obj is not None and open_data_dir() == folder:
        _check_writable(folder, run_db)
    info = backup_now(folder, reason=reason)
    prune(folder)
    return info


def _check_writable(folder: Path, run_db: Callable[[Callable[[], Any]], Any] | None = None) -> None:
    """No safety copy for a change that cannot start (read-only file, a writer holding on)."""
    import peewee as pw

    from desktop.services.store import probe_write
    from desktop.storage.errors import translate

    try:
        run_db(probe_write) if run_db is not None else probe_write()
    except (pw.DatabaseError, sqlite3.Error) as exc:
        raise BackupError(str(translate(paths.database_path(folder), exc))) from exc


def backup_if_due(
    data_dir: Path, now: datetime | None = None, *, interval: timedelta = INTERVAL
) -> BackupInfo | None:
    """The app calls this at start and on a timer: a backup when the newest is too old.

    Returns the new backup, or None when none was due (or there is no database yet).
    Prunes old backups either way.
    """
    moment = now or datetime.now()
    if not paths.database_path(data_dir).exists():
        return None
    files = _files(data_dir)
    if files and moment - files[0][1] < interval:
        prune(data_dir, now=moment)
        return None
    info = backup_now(data_dir, reason="auto", now=moment)
    prune(data_dir, now=moment)
    return info


def prune(data_dir: Path, *, now: datetime | None = None, bounded: bool = True) -> list[Path]:
    """Keep the last 7 days and one backup per week before that (for a year); delete the rest.

    Then, when ``bounded``, delete the oldest until the folder fits :func:`size_budget`.
    """
    folder = paths.backups_dir(data_dir)
    remove_leftovers(folder)
    _tighten(folder)
    moment = now or datetime.now()
    keep_after = moment - timedelta(days=KEEP_DAYS)
    weekly_until = moment - timedelta(weeks=KEEP_WEEKS)
    seen_weeks: set[tuple[int, int]] = set()
    removed = []
    for path, created, _ in _files(data_dir):  # newest first
        if created >= keep_after:
            continue
        week = created.isocalendar()[:2]
        if created >= weekly_until and week not in seen_weeks:
            seen_weeks.add(week)
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue
    if bounded:
        removed += _bound_by_size(data_dir)
    return removed


def _tighten(folder: Path) -> None:
    """Backups made by older versions (0644 by the umask) become owner-only too."""
    if not folder.is_dir():
        return
    private.private_folder(folder)
    for path in backup_paths(folder):
        private.private_file(path)


def size_budget(data_dir: Path) -> int | None:
    """How many bytes the backups folder may hold: :data:`SIZE_FACTOR` × the newest
    compressed backup (the current database, compressed). None before the first one."""
    for path, _created, _reason in _files(data_dir):
        if is_compressed(path):
            try:
                return SIZE_FACTOR * path.stat().st_size
            except OSError:
                return None
    return None


def _bound_by_size(data_dir: Path) -> list[Path]:
    """Delete the oldest backups (weekly ones first, being oldest) until the folder fits."""
    budget = size_budget(data_dir)
    if budget is None:
        return []
    listed = list(_files(data_dir))  # newest first
    files = [path for path, _created, _reason in listed]
    # The newest copy taken before a restore holds the data the user stepped back from:
    # after restoring an older, smaller file the budget shrinks, and that copy must not be
    # the first to go (it may be the only one of the newer data). It stays, over budget.
    spared = next((path for path, _c, reason in listed if reason == "before-restore"), None)
    sizes = {}
    for path in files:
        try:
            sizes[path] = path.stat().st_size
        except OSError:
            sizes[path] = 0
    total = sum(sizes.values())
    removed = []
    for path in reversed(files[ALWAYS_KEEP:]):  # oldest first
        if total <= budget:
            break
        if path == spared:
            continue
        try:
            path.unlink()
        except OSError:
            continue
        total -= sizes[path]
        removed.append(path)
    return removed


@dataclass(frozen=True, slots=True)
class Space:
    """How much room the backups take (what Preferences shows)."""

    used: int  # bytes on disk
    count: int  # backups
    budget: int | None  # the size bound (None before the first compressed backup)


def space(data_dir: Path) -> Space:
    """Bytes and number of backups in the data folder, and the bound they are kept under."""
    used = count = 0
    for path, _created, _reason in _files(data_dir):
        try:
            used += path.stat().st_size
            count += 1
        except OSError:
            continue
    return Space(used, count, size_budget(data_dir))


def _inspect(path: Path) -> tuple[int | None, int | None, int | None, str]:
    """(people, conversations, schema version, problem) of a backup, opened read-only.

    A compressed backup answers from its header (written when it was checked)."""
    if is_compressed(path):
        meta = read_meta(path)
        if meta is None:
            return None, None, None, "not a readable Rapport backup"
        version = meta.get("schema_version")
        if not isinstance(version, int):
            return None, None, None, "not a Rapport database"
        return meta.get("people"), meta.get("conversations"), version, ""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, timeout=1)
    except sqlite3.Error as exc:
        return None, None, None, str(exc)
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        people = connection.execute("SELECT count(*) FROM person WHERE deleted = 0").fetchone()[0]
        talks = connection.execute(
            "SELECT count(*) FROM conversation WHERE deleted = 0"
        ).fetchone()[0]
        return int(people), int(talks), version, ""
    except sqlite3.Error as exc:
        return None, None, None, f"not a readable Rapport database ({exc})"
    finally:
        connection.close()


def list_backups(data_dir: Path, *, counts: bool = True) -> list[BackupInfo]:
    """Every backup, newest first, with how many people and conversations it holds."""
    out = []
    for path, created, reason in _files(data_dir):
        people = talks = version = None
        problem = ""
        if counts:
            people, talks, version, problem = _inspect(path)
        out.append(
            BackupInfo(
                path.name,
                path,
                created,
                reason,
                path.stat().st_size,
                people,
                talks,
                version,
                problem,
            )
        )
    return out


def find_backup(data_dir: Path, name: str) -> Path:
    """The backup called ``name`` (a file name from :func:`list_backups`)."""
    path = paths.backups_dir(data_dir) / Path(name).name
    if not path.is_file() or _parse_name(path) is None:
        known = ", ".join(b.name for b in list_backups(data_dir, counts=False)[:5])
        raise BackupError(
            f"there is no backup called {name!r}" + (f" (newest: {known})" if known else "")
        )
    return path


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored: BackupInfo
    safety_copy: BackupInfo | None  # the database as it was just before


def restore_backup(data_dir: Path, name: str, *, confirmed: bool) -> RestoreResult:
    """Replace the database with backup ``name``, after backing up the current one.

    ``confirmed`` must be True: the UI asks the user first, the CLI needs ``--yes``.
    The store is closed during the copy and reopened afterwards (the caller's views must
    reload everything). Raises BackupError for an unknown or unreadable backup.
    """
    if not confirmed:
        raise BackupError("restoring replaces all current data; confirm it first")
    path = find_backup(data_dir, name)
    people, talks, version, problem = _inspect(path)
    if problem or version is None:
        raise BackupError(f"{path.name}: {problem or 'not a Rapport database'}")
    if version > schema.SCHEMA_VERSION:
        raise BackupError(f"{path.name}: written by a newer Rapport (schema {version})")
    if version < 1:
        raise BackupError(f"{path.name}: not a Rapport database")
    if is_compressed(path):
        plain = path.with_name(f".{path.name}.restore")
        try:
            extract(path, plain)
        except (OSError, BackupWriteError) as exc:
            raise BackupError(f"{path.name} cannot be read back ({exc})") from exc
        try:
            return _restore_file(data_dir, path, plain, (people, talks, version))
        finally:
            plain.unlink(missing_ok=True)
    return _restore_file(data_dir, path, path, (people, talks, version))


def _restore_file(
    data_dir: Path, path: Path, plain: Path, counts: tuple[int | None, int | None, int | None]
) -> RestoreResult:
    """Copy the plain SQLite file ``plain`` (backup ``path``, uncompressed) over the data."""
    from desktop.services import store

    people, talks, version = counts
    target = paths.database_path(data_dir)
    current = open_data_dir()
    was_open = current is not None and current.resolve() == data_dir.resolve()
    # With another folder open, the restored file is checked and upgraded when next opened.
    if was_open and database.in_transaction():
        raise BackupError("cannot restore while a change is running")
    safety = backup_now(data_dir, reason="before-restore") if target.exists() else None
    if was_open:
        store.close_store()
    try:
        backup_file(plain, target)
        private.private_database(target)
    except sqlite3.Error as exc:
        raise BackupError(f"restoring {path.name} failed ({exc}); {target} is unchanged") from exc
    finally:
        if was_open:
            store.open_store(data_dir)
    if current is None:
        store.open_store(data_dir)  # upgrade an older backup now, with its own backup first
        store.close_store()
    created, reason = _parse_name(path) or (datetime.now(), "")
    info = BackupInfo(path.name, path, created, reason, path.stat().st_size, people, talks, version)
    return RestoreResult(info, safety)
