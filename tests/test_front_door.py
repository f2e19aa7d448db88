"""The store's first look without peewee, and its full open deferred past the first frame (#15).

``front_door.first_look`` answers only for the plain case — the file the full open would
accept as it is — and sends everything else to the full open (``None``); it never writes.
A deferred full open runs before anything reads or writes through peewee.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import paths
from desktop.services import store
from desktop.storage import front_door, schema
from desktop.storage.errors import NewerDatabaseError
from desktop.storage.models import database


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A data folder whose current-schema database was made and closed again."""
    data = tmp_path / "data"
    store.open_store(data)
    store.close_store()
    yield data
    store.close_store()  # also forgets a deferred open the test left


def _db(folder: Path) -> Path:
    return paths.database_path(folder)


def _file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_its_copies_of_the_schema_match_the_schema() -> None:
    assert front_door.CURRENT_VERSION == schema.SCHEMA_VERSION
    expected = schema.expected_tables(schema.SCHEMA_VERSION) | schema.RAPPORT_MARKERS
    assert expected == front_door.CURRENT_TABLES


def test_the_plain_case_reads_what_the_first_frame_shows(folder: Path) -> None:
    assert store.first_look(folder) == front_door.FirstLook(has_people=False)
    store.open_store(folder)
    from desktop.services import people

    people.create_person(full_name="Ana Ruiz")
    store.close_store()
    assert store.first_look(folder) == front_door.FirstLook(has_people=True)


def test_a_deleted_person_is_nobody(folder: Path) -> None:
    store.open_store(folder)
    from desktop.services import people

    people.delete_person(person_id=people.create_person(full_name="Ana Ruiz"))
    store.close_store()
    assert store.first_look(folder) == front_door.FirstLook(has_people=False)


def test_a_new_or_empty_folder_goes_to_the_full_open(tmp_path: Path) -> None:
    assert store.first_look(tmp_path / "nothing-here") is None
    empty = tmp_path / "empty"
    empty.mkdir()
    assert store.first_look(empty) is None
    _db(empty).write_bytes(b"")  # a 0-byte file: the full open sets it aside and says so
    assert store.first_look(empty) is None
    assert _db(empty).read_bytes() == b""


def test_an_older_schema_goes_to_the_full_open_untouched(folder: Path) -> None:
    with sqlite3.connect(_db(folder)) as raw:
        raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    before = _file_state(_db(folder))
    assert store.first_look(folder) is None
    assert _file_state(_db(folder)) == before


def test_a_newer_schema_goes_to_the_full_open_untouched(folder: Path) -> None:
    with sqlite3.connect(_db(folder)) as raw:
        raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = _file_state(_db(folder))
    assert store.first_look(folder) is None
    assert _file_state(_db(folder)) == before


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "missing table", "no device id", "another program"],
)
def test_a_damaged_or_foreign_file_goes_to_the_full_open_untouched(
    folder: Path, damage: str
) -> None:
    path = _db(folder)
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "missing table":
        with sqlite3.connect(path) as raw:
            raw.execute("DROP TABLE tag")
    elif damage == "no device id":
        with sqlite3.connect(path) as raw:
            raw.execute("DELETE FROM meta WHERE key = 'device_id'")
    else:
        path.unlink()
        with sqlite3.connect(path) as raw:
            raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
            raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
    before = _file_state(path)
    assert store.first_look(folder) is None
    assert _file_state(path) == before


def test_a_file_another_writer_holds_goes_to_the_full_open(folder: Path) -> None:
    holder = sqlite3.connect(_db(folder), timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert store.first_look(folder) is None
    finally:
        holder.rollback()
        holder.close()
    assert store.first_look(folder) is not None


def test_a_read_only_file_goes_to_the_full_open(folder: Path) -> None:
    """Read-only for this user: the full open decides. Root may write any file, so there the
    first look must accept it as the full open would (both branches assert)."""
    import os

    _db(folder).chmod(0o400)
    try:
        look = store.first_look(folder)
        if os.access(_db(folder), os.W_OK):  # root: the file is writable after all
            assert look is not None
        else:
            assert look is None
    finally:
        _db(folder).chmod(0o600)


def test_the_first_look_imports_no_peewee(folder: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from desktop.services import store; "
        f"look = store.first_look(Path({str(folder)!r})); "
        "store.open_after_first_look(Path('.')); "
        "print(look is not None, 'peewee' in sys.modules, "
        "sorted(m for m in sys.modules if m.startswith('desktop.storage')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split(" ", 2)[:2] == ["True", "False"], result.stdout
    assert "desktop.storage.models" not in result.stdout


def test_the_deferred_open_runs_at_the_first_use_of_the_store(folder: Path) -> None:
    from desktop.services import people

    assert store.first_look(folder) is not None
    before = database.obj  # the fixture's closed store: never used again
    store.open_after_first_look(folder)
    assert front_door.has_deferred_open()  # nothing opened yet
    people.create_person(full_name="Ana Ruiz")  # a write: the full open runs first
    assert not front_door.has_deferred_open()
    assert database.obj is not before and not database.is_closed()
    assert [name for _id, name in people.all_names()] == ["Ana Ruiz"]
    opened = database.obj
    store.open_deferred()  # nothing left to do
    assert database.obj is opened


def test_a_read_also_opens_it_first(folder: Path) -> None:
    from desktop.services.ui_queries import has_people

    store.open_after_first_look(folder)
    assert has_people() is False
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"  # its pragmas
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_worker_never_opens_it(folder: Path) -> None:
    """Only the thread that deferred the open runs it; a worker finds no store."""
    store.open_after_first_look(folder)
    answers: list[bool] = []
    worker = threading.Thread(target=lambda: answers.append(store.open_thread_connection()))
    worker.start()
    worker.join()
    assert answers == [False]
    assert front_door.has_deferred_open()  # still waiting for its own thread
    store.open_deferred()
    assert not front_door.has_deferred_open() and not database.is_closed()


def test_a_file_changed_since_the_first_look_is_refused_at_its_open(folder: Path) -> None:
    from desktop.services import people

    assert store.first_look(folder) is not None
    store.open_after_first_look(folder)
    with sqlite3.connect(_db(folder)) as raw:
        raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = _file_state(_db(folder))
    with pytest.raises(NewerDatabaseError):
        people.all_names()
    refused = store.open_deferred()  # and again for whoever asks next
    assert refused is not None and "newer Rapport" in refused
    with pytest.raises(NewerDatabaseError):  # nothing reads through an older binding
        database.execute_sql("SELECT 1")
    assert _file_state(_db(folder)) == before
