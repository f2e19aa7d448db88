"""Issue #15, "store the state once": a database of schema 4 (made by the released code,
tests/fixtures/make_v4_store.py) is upgraded after a backup, loses its per-field clock
rows and shrinks, and keeps every record, every clock and its history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import zstandard

from desktop.services import people
from desktop.services.change_sets import change_mark, reapply_batch, revert_batch
from desktop.storage import clocks, journal, upgrade_progress
from desktop.storage.db import close_database, open_database
from desktop.storage.models import SYNCED_MODELS, Person, database

FIXTURE = Path(__file__).parent / "fixtures" / "v4-store.sqlite3.zst"


def _unpack(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "rapport.sqlite3"
    path.write_bytes(zstandard.ZstdDecompressor().decompress(FIXTURE.read_bytes()))
    return path


def _select(model) -> str:
    """The model's columns only: step 5 adds local bookkeeping (conversation.fts_key)."""
    columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
    return f'SELECT {columns} FROM "{model._meta.table_name}" ORDER BY id'


def _raw(path: Path) -> dict[str, object]:
    """What the file holds, read without Rapport: rows, clocks, log, size."""
    connection = sqlite3.connect(path)
    try:
        rows = {
            m._meta.table_name: connection.execute(_select(m)).fetchall() for m in SYNCED_MODELS
        }
        clock_rows = connection.execute(
            'SELECT entity, row_id, field, hlc FROM "field_clock"'
        ).fetchall()
        log = connection.execute(
            'SELECT hlc, entity, row_id, field, value FROM "change" ORDER BY seq'
        ).fetchall()
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()
    return {"rows": rows, "clocks": clock_rows, "log": log, "version": version}


@pytest.fixture
def upgraded(tmp_path: Path):
    path = _unpack(tmp_path / "data")
    before = _raw(path)
    size = path.stat().st_size
    reports: list[tuple[str, int, int]] = []
    previous = upgrade_progress.set_reporter(lambda *a: reports.append(a))
    try:
        open_database(path)
    finally:
        upgrade_progress.set_reporter(previous)
    yield path, before, size, reports
    close_database()


def test_upgrade_keeps_every_record_and_clock_and_shrinks(upgraded) -> None:
    path, before, size, reports = upgraded
    assert before["version"] == 4
    assert list((path.parent / "backups").glob("*before-v5*"))  # the backup came first
    after_rows = {
        m._meta.table_name: database.execute_sql(_select(m)).fetchall() for m in SYNCED_MODELS
    }
    assert after_rows == before["rows"]
    old = {(e, r, f): h for e, r, f, h in before["clocks"]}
    assert clocks.all_clocks() == old  # every field's clock, exactly
    stored = database.execute_sql('SELECT count(*) FROM "field_clock"').fetchone()[0]
    assert stored < len(old) / 20  # only the edited fields keep an entry
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert path.stat().st_size < size
    assert [r for r in reports if r[0] == "Compacting the database"]
    assert reports[-1][0] == "Compacting the database"


def test_after_the_upgrade_edits_undo_and_history_work(upgraded) -> None:
    _path, before, _size, _reports = upgraded
    edited = sorted({r for _h, e, r, f, _v in before["log"] if e == "person" and f == "about"})
    ana = people.get_person(edited[0])
    assert ana is not None
    mark = change_mark()
    people.update_person(ana.id, about="third edit", headline="CEO")
    ben = people.create_person(full_name="Ben Ode")
    upto = change_mark()
    revert_batch(mark, upto)
    card = people.get_person(ana.id)
    assert (card.about, card.headline) == ("second edit", ana.headline)
    assert not people.person_exists(ben)
    reapply_batch(mark, upto)
    assert people.get_person(ana.id).about == "third edit"
    assert people.person_exists(ben)
    # the superseded values of that person stay restorable from the log
    values = {
        journal.decode_value(v)
        for (v,) in database.execute_sql(
            'SELECT value FROM "change" WHERE row_id = ? AND field = ?', (ana.id, "about")
        )
    }
    assert {"first edit", "second edit", "third edit"} <= values
    assert Person.get_by_id(ana.id).updated == clocks.of_row(Person, ana.id)["about"]


def test_the_cli_says_it_is_upgrading(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "data"
    _unpack(folder)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(folder), "search", "a", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr
    assert "upgrading the database: Storing sync clocks once" in done.stderr
    assert "upgrading the database: Compacting the database" in done.stderr
    assert done.stdout.lstrip().startswith(("[", "{"))  # stdout stays the JSON
