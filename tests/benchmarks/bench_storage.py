"""Storage benchmarks (#15; run on demand, not collected by the test suite).

    python tests/benchmarks/bench_storage.py [--people N] [--data-dir DIR]

In one run, on the demo network (``rapport demo --people N``, default 10,000, ~1-2 min
to build; pass --data-dir to reuse a folder that holds one; its data is not changed):

- the database's size on disk ÷ the size of its full JSON export (target ≤ 2.5, goal 2);
- a backup as older versions made it (a plain copy through SQLite's backup API) against
  today's (the same copy, checked, zstd-compressed, read back, renamed): size and time,
  and the ratios between them;
- reading a compressed backup back (decompress + SHA-256 check, what restore does);
- the backups folder at worst: ~70 plain copies under the old retention (every 4 hours
  for 7 days, then weekly for a year) against the new bound (3x the compressed size);
- sync bookkeeping on disk: the change log and the field clocks (rows and bytes);
- with --upgrade FILE (a database of an older schema, e.g. one today's release made):
  the upgrade of a copy of it (backup, step, VACUUM), its time and the sizes before/after.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a plain script

from desktop.storage.backup import (  # noqa: E402
    backup_file,
    extract,
    is_intact,
    write_backup,
)

#: Issue #15: "up to ~70 are kept (every 4 hours of use for 7 days, then weekly for a year)".
OLD_RETENTION = 70


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def _rapport(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, check=True)


def _database_size(folder: Path) -> int:
    """The database with its WAL: what it takes on disk."""
    return sum(
        p.stat().st_size for p in folder.glob("rapport.sqlite3*") if not p.name.endswith(".zst")
    )


def _bookkeeping(database: Path) -> None:
    """Rows and bytes of the change log and the field clocks (dbstat, when compiled in)."""
    import sqlite3

    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        for table in ("change", "field_clock"):
            rows = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            try:
                size = connection.execute(
                    "SELECT sum(pgsize) FROM dbstat WHERE name = ? OR name IN "
                    "(SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?)",
                    (table, table),
                ).fetchone()[0]
            except sqlite3.OperationalError:
                size = None
            shown = _mb(size or 0) if size is not None else "(no dbstat)"
            print(f"  {table:<12} {rows:>12,} rows {shown:>12}")
    finally:
        connection.close()


def _upgrade(old: Path, scratch: Path) -> None:
    """Upgrade a copy of an older database as the app does; sizes and time."""
    from desktop.storage.db import close_database, open_database

    folder = scratch / "upgrade"
    folder.mkdir()
    copy = folder / "rapport.sqlite3"
    backup_file(old, copy)
    before = _database_size(folder)
    print(f"\nupgrade of {old}")
    print("before:")
    _bookkeeping(copy)
    started = time.perf_counter()
    open_database(copy)
    close_database()
    seconds = time.perf_counter() - started
    after = _database_size(folder)
    print("after:")
    _bookkeeping(copy)
    print(f"database before upgrade   {_mb(before):>12}")
    print(f"database after upgrade    {_mb(after):>12}   {seconds:6.1f} s (backup, step, VACUUM)")
    print(f"  after / before          {after / before:>12.3f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--data-dir", type=Path, help="reuse this data folder (read only)")
    parser.add_argument("--upgrade", type=Path, help="an older schema's database to upgrade")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="rapport-bench-storage-"))
    data = args.data_dir
    if data is None:
        data = scratch / "data"
        started = time.perf_counter()
        _rapport("demo", "--data-dir", str(data), "--people", str(args.people))
        print(f"demo network built in {time.perf_counter() - started:.1f} s")
    database = data / "rapport.sqlite3"

    started = time.perf_counter()
    export = scratch / "export.json"
    _rapport("export", "--data-dir", str(data), "--format", "json", "-o", str(export))
    export_time = time.perf_counter() - started
    db_size, json_size = _database_size(data), export.stat().st_size

    started = time.perf_counter()
    plain = scratch / "plain.sqlite3"
    backup_file(database, plain)
    plain_time = time.perf_counter() - started
    plain_size = plain.stat().st_size

    started = time.perf_counter()
    packed = scratch / "rapport-20260101-000000-bench.sqlite3.zst"
    contents = write_backup(database, packed)
    packed_time = time.perf_counter() - started
    packed_size = packed.stat().st_size

    started = time.perf_counter()
    extract(packed, scratch / "restored.sqlite3")
    extract_time = time.perf_counter() - started
    started = time.perf_counter()
    intact = is_intact(packed)
    intact_time = time.perf_counter() - started

    print(
        f"\ndata folder: {data} ({contents.people:,} people, "
        f"{contents.conversations:,} conversations)"
    )
    print(f"database on disk          {_mb(db_size):>12}")
    print(f"full JSON export          {_mb(json_size):>12}   ({export_time:.1f} s)")
    print(f"  database / JSON         {db_size / json_size:>12.2f}x   (target <= 2.5, goal 2)")
    print(f"backup, plain copy        {_mb(plain_size):>12}   {plain_time:6.1f} s   (before)")
    print(f"backup, zstd + checked    {_mb(packed_size):>12}   {packed_time:6.1f} s   (after)")
    print(f"  size  after / before    {packed_size / plain_size:>12.3f}x")
    print(f"  time  after / before    {packed_time / plain_time:>12.2f}x")
    print(f"read back (restore)       {extract_time:>12.1f} s")
    print(f"is_intact (SHA-256)       {intact_time:>12.1f} s   ({'ok' if intact else 'FAILED'})")
    old_worst, new_bound = OLD_RETENTION * plain_size, 3 * packed_size
    print(f"backups folder at worst   {_mb(old_worst):>12}   (before: {OLD_RETENTION} plain)")
    print(f"                          {_mb(new_bound):>12}   (after: 3x compressed)")
    print(f"  after / before          {new_bound / old_worst:>12.4f}x")
    print("sync bookkeeping:")
    _bookkeeping(database)
    if args.upgrade is not None:
        _upgrade(args.upgrade, scratch)
    for path in [*scratch.glob("*"), *scratch.glob("upgrade/*")]:
        if path.is_file():
            path.unlink()
    if args.data_dir is None:
        print(f"\nthe demo stays in {data}: pass --data-dir {data} to reuse it")


if __name__ == "__main__":
    main()
