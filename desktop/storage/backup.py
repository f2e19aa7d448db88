"""Online backups with SQLite's backup API: consistent copies while the app has the file open.

A backup is written compressed (zstd), under a hidden temporary name, checked, and only
then renamed to its ``rapport-….sqlite3.zst`` name (:func:`write_backup`): a backup that
was cut short (a kill, a full disk) never carries a name the lists show. Its first zstd
frame is a *skippable* frame holding what the lists need (people, conversations, schema
version) and the SHA-256 of the uncompressed file, so listing reads a few hundred bytes
and :func:`is_intact` can tell a damaged backup without writing anything. The file stays
an ordinary ``.zst``: ``zstd -d`` turns it back into a SQLite file. Backups written by
older versions (plain ``.sqlite3`` copies) are still listed, checked and restored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.storage import private

#: ``rapport-YYYYMMDD-HHMMSS-<reason>[-n].sqlite3[.zst]``: what :func:`timestamped_name`
#: writes (``-n`` when two backups share a second; ``.zst`` when compressed).
NAME = re.compile(r"^rapport-(\d{8}-\d{6})-([A-Za-z0-9_.-]+?)(?:-\d+)?\.sqlite3(?:\.zst)?$")
_STAMP = "%Y%m%d-%H%M%S"
PLAIN = ".sqlite3"
COMPRESSED = ".sqlite3.zst"
#: Backups of every kind in a folder (plain and compressed).
PATTERNS = ("rapport-*.sqlite3", "rapport-*.sqlite3.zst")
#: zstd's first skippable-frame magic number (any of 0x184D2A50…5F is skipped by readers).
_SKIPPABLE = 0x184D2A50
_META_FORMAT = "rapport-backup"
_CHUNK = 1 << 20
#: zstd level 3 (zstd's default): ~4.5x smaller for Rapport files at ~150 MB/s per core.
LEVEL = 3


class BackupWriteError(Exception):
    """The compressed copy did not check out (its bytes differ from the database copied)."""


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


def timestamped_name(reason: str, when: datetime | None = None, *, compressed: bool = True) -> str:
    stamp = (when or datetime.now()).strftime(_STAMP)
    return f"rapport-{stamp}-{reason}{COMPRESSED if compressed else PLAIN}"


def is_compressed(path: Path) -> bool:
    return path.name.endswith(COMPRESSED)


def backup_paths(folder: Path) -> list[Path]:
    """Every backup file in ``folder`` (plain or compressed), oldest first by its name's time."""
    found: list[tuple[datetime, str, Path]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_timestamped_name(path.name)
        if parsed and path.is_file():
            found.append((parsed[0], path.name, path))
    return [path for _when, _name, path in sorted(found)]


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
    """True if ``path`` opens read-only and passes ``PRAGMA quick_check``.

    A compressed backup passed ``quick_check`` before it was compressed; it is intact when
    it still decompresses to exactly those bytes (its recorded SHA-256).
    """
    if is_compressed(path):
        meta = read_meta(path)
        if meta is None or meta.get("quick_check") != "ok":
            return False
        try:
            return _digest_of(path) == meta.get("sha256")
        except (OSError, BackupWriteError):
            return False
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
    candidates = list(reversed(backup_paths(backups)))
    for path in candidates[:tries]:
        if is_intact(path):
            return path
    return None


# -- compressed backups --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contents:
    """What a backup holds, read once when it is written (and stored in its header)."""

    schema_version: int | None
    people: int | None
    conversations: int | None
    quick_check: str  # "ok", or SQLite's first complaint


def describe(path: Path) -> Contents:
    """Schema version, live people and conversations, and ``quick_check`` of a plain file.

    A damaged file still gets an answer (None for what cannot be read, SQLite's complaint
    as ``quick_check``): describing is no reason to lose its backup.
    """
    connection = sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True)

    def ask(sql: str) -> Any:
        try:
            return connection.execute(sql).fetchone()[0]
        except sqlite3.Error as exc:
            return exc

    try:
        version = ask("PRAGMA user_version")
        check = ask("PRAGMA quick_check(1)")
        people, talks = (
            ask(f"SELECT count(*) FROM {table} WHERE deleted = 0")
            for table in ("person", "conversation")
        )
        return Contents(
            version if isinstance(version, int) else None,
            people if isinstance(people, int) else None,
            talks if isinstance(talks, int) else None,
            str(check),
        )
    finally:
        connection.close()


def _hidden(destination: Path, suffix: str) -> Path:
    """A name in the same folder that no list shows (leading dot, no backup pattern)."""
    return destination.with_name(f".{destination.name}.{suffix}")


def write_backup(source: Path, destination: Path) -> Contents:
    """Back ``source`` up into ``destination`` (a ``….sqlite3.zst`` name), atomically.

    1. SQLite's backup API copies the live database (WAL included) into a hidden file;
    2. that copy is made self-contained (no WAL) and checked (``quick_check``, counts);
       a damaged database is still backed up (it may hold what no other copy has), but
       its header says so and :func:`is_intact` never offers it as a good backup;
    3. it is compressed into a second hidden file, its SHA-256 recorded in the header;
    4. the compressed file is decompressed again and compared with that SHA-256;
    5. only then is it synced and renamed to ``destination``.
    A kill or an error at any step leaves at most hidden files (removed by the next
    :func:`remove_leftovers`), never a file the lists show. Raises ``sqlite3.Error``,
    ``OSError`` or :class:`BackupWriteError`.
    """
    folder = private.private_folder(destination.parent)
    copy = _hidden(destination, "copy")
    partial = _hidden(destination, "partial")
    try:
        backup_file(source, copy)
        _self_contained(copy)
        private.private_file(copy)
        contents = describe(copy)
        digest = _compress(copy, partial, contents)
        if _digest_of(partial) != digest:
            raise BackupWriteError(f"{destination.name}: the compressed copy does not read back")
        os.replace(partial, destination)
        _sync_folder(folder)
        return contents
    finally:
        for leftover in (copy, partial):
            leftover.unlink(missing_ok=True)


def _self_contained(path: Path) -> None:
    """One file (no -wal/-shm beside it), so the copy is complete in itself."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()


def _compress(plain: Path, target: Path, contents: Contents) -> str:
    """Compress ``plain`` into ``target`` in one pass, hashing as it goes; the header,
    written first with room to spare, is filled in once the SHA-256 is known."""
    import zstandard

    size = plain.stat().st_size
    digest = hashlib.sha256()
    compressor = zstandard.ZstdCompressor(level=LEVEL, threads=-1, write_checksum=True)
    fd = private.create_private(target)
    with os.fdopen(fd, "wb") as out:
        out.write(_header({}))  # placeholder of the final size
        with plain.open("rb") as handle:
            writer = compressor.stream_writer(out, size=size, closefd=False)
            for block in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(block)
                writer.write(block)
            writer.close()
        meta = {
            "format": _META_FORMAT,
            "version": 1,
            "size": size,
            "sha256": digest.hexdigest(),
            "schema_version": contents.schema_version,
            "people": contents.people,
            "conversations": contents.conversations,
            "quick_check": contents.quick_check[:200],
        }
        out.seek(0)
        out.write(_header(meta))
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


_HEADER_ROOM = 1024  # bytes of JSON the header frame holds (padded with spaces)


def _header(meta: dict[str, Any]) -> bytes:
    payload = json.dumps(meta, sort_keys=True).encode()
    if len(payload) > _HEADER_ROOM:
        raise ValueError("backup header too large")
    return struct.pack("<II", _SKIPPABLE, _HEADER_ROOM) + payload.ljust(_HEADER_ROOM)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_meta(path: Path) -> dict[str, Any] | None:
    """The header of a compressed backup, or None when it has none (not ours, damaged)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if len(head) < 8:
                return None
            magic, length = struct.unpack("<II", head)
            if magic != _SKIPPABLE or length > 65536:
                return None
            meta = json.loads(handle.read(length))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != _META_FORMAT:
        return None
    return meta


def _blocks(path: Path) -> Iterator[bytes]:
    """The uncompressed bytes of a compressed backup, block by block."""
    import zstandard

    try:
        with path.open("rb") as raw:
            reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
            yield from iter(lambda: reader.read(_CHUNK), b"")
    except zstandard.ZstdError as exc:
        raise BackupWriteError(f"{path.name}: damaged ({exc})") from exc


def _digest_of(path: Path) -> str:
    digest = hashlib.sha256()
    for block in _blocks(path):
        digest.update(block)
    return digest.hexdigest()


def extract(path: Path, destination: Path) -> Path:
    """Decompress backup ``path`` into ``destination`` (0600), checking its SHA-256.

    Raises :class:`BackupWriteError` when the bytes are not those that were backed up.
    """
    meta = read_meta(path)
    if meta is None:
        raise BackupWriteError(f"{path.name}: not a Rapport backup (no header)")
    digest = hashlib.sha256()
    fd = private.create_private(destination)
    try:
        with os.fdopen(fd, "wb") as out:
            for block in _blocks(path):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != meta.get("sha256"):
            raise BackupWriteError(f"{path.name}: damaged (its contents changed since written)")
    except BaseException:
        destination.unlink(missing_ok=True)
        raise
    return destination


def remove_leftovers(folder: Path, *, older_than: float = 3600.0) -> list[Path]:
    """Hidden files of backups that were cut short (a kill mid-backup), once they are stale.

    ``older_than`` seconds keeps the files of a backup another process is writing now.
    """
    import time

    removed = []
    try:
        entries = list(folder.glob(".rapport-*"))
    except OSError:
        return []
    for path in entries:
        if not path.name.endswith((".copy", ".partial", ".restore")):
            continue
        try:
            if time.time() - path.stat().st_mtime >= older_than:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
