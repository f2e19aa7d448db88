"""The store: opening, refusing bad files untouched, schema upgrades, the journal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.storage import clocks as field_clocks
from desktop.storage import journal, schema
from desktop.storage.backup import extract
from desktop.storage.db import close_database, open_database
from desktop.storage.errors import (
    CorruptDatabaseError,
    LockedDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
)
from desktop.storage.models import Change, FieldClock, Person, Tag, database
from desktop.storage.sync_tables import HISTORY


@pytest.fixture
def db_path(tmp_path: Path):
    path = tmp_path / "data" / "rapport.sqlite3"
    yield path
    close_database()


def test_new_database_is_current_wal_with_foreign_keys(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert not (db_path.parent / "backups").exists()  # nothing to back up on a new file


def test_save_journals_each_changed_field_in_the_same_transaction(db_path: Path) -> None:
    open_database(db_path)
    person_id = journal.save(Person, None, {"full_name": "Ana Ruiz", "organization": "Acme"})
    row = Person.get_by_id(person_id)
    fields = {c.field for c in Change.select().where(Change.row_id == person_id)}
    # The row is the state: a creation logs one entry, its existence (deleted=false).
    assert fields == {"deleted"}
    clocks = field_clocks.of_row(Person, person_id)
    assert clocks["full_name"] == row.updated
    # a row written once keeps no field-clock entry: every field has its row's clock
    assert FieldClock.select().where(FieldClock.row_id == person_id).count() == 0
    before = Change.select().count()
    journal.save(Person, person_id, {"full_name": "Ana Ruiz"})  # unchanged: no entry
    assert Change.select().count() == before
    journal.save(Person, person_id, {"organization": "Acme Corp"})
    newest, superseded = Change.select().order_by(Change.seq.desc()).limit(2)
    assert (newest.field, journal.decode_value(newest.value)) == ("organization", "Acme Corp")
    # the value it replaced was only in the row: it stays, as history, never sent
    assert (superseded.field, journal.decode_value(superseded.value)) == ("organization", "Acme")
    assert (superseded.hlc, superseded.segment) == (row.updated, HISTORY)
    after = field_clocks.of_row(Person, person_id)
    assert after["organization"] > clocks["organization"]
    assert after["full_name"] == clocks["full_name"]  # the others keep theirs


def test_a_failed_write_leaves_no_trace(db_path: Path) -> None:
    open_database(db_path)
    before = (Person.select().count(), Change.select().count())
    with pytest.raises(ValueError), database.atomic():
        journal.save(Person, None, {"full_name": "Half written"})
        raise ValueError("boom")
    assert (Person.select().count(), Change.select().count()) == before


def test_delete_is_a_tombstone_not_a_delete(db_path: Path) -> None:
    open_database(db_path)
    person_id = journal.save(Person, None, {"full_name": "Ben Ode"})
    journal.delete(Person, person_id)
    row = Person.get_by_id(person_id)
    assert row.deleted is True
    journal.restore(Person, person_id)
    assert Person.get_by_id(person_id).deleted is False


def test_insert_many_keeps_the_journal_and_clock(db_path: Path) -> None:
    open_database(db_path)
    with database.atomic():
        ids = journal.insert_many(
            Person,
            [{"full_name": f"P{i}", "organization": "Org" if i % 2 else ""} for i in range(50)],
        )
    assert len(set(ids)) == 50
    assert Person.select().count() == 50
    odd = ids[1]
    fields = {c.field for c in Change.select().where(Change.row_id == odd)}
    assert fields == {"deleted"}  # one entry per creation: the row holds the values
    assert set(field_clocks.of_row(Person, odd)) == {"full_name", "organization", "deleted"}
    assert "organization" not in field_clocks.of_row(Person, ids[0])  # default: never written
    assert FieldClock.select().count() == 0  # sparse: every field has its row's clock


def test_unknown_field_is_refused(db_path: Path) -> None:
    open_database(db_path)
    with pytest.raises(ValueError, match="no field"):
        journal.save(Tag, None, {"colour": "red"})


def _assert_untouched(path: Path, content: bytes) -> None:
    assert path.read_bytes() == content
    assert not path.with_name(path.name + "-wal").exists()


def test_not_a_database_is_refused_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    content = b"Dear diary, this is not SQLite at all.\n" * 50
    db_path.write_bytes(content)
    with pytest.raises(NotADatabaseError) as error:
        open_database(db_path)
    assert str(db_path) in str(error.value)
    _assert_untouched(db_path, content)


def test_corrupt_database_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path)
    journal.save(Person, None, {"full_name": "Someone"})
    close_database()
    raw = bytearray(db_path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page after the header
    db_path.write_bytes(bytes(raw))
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    with pytest.raises((CorruptDatabaseError, NotADatabaseError)) as error:
        open_database(db_path)
    assert "backup" in str(error.value).lower() or "another" in str(error.value).lower()
    assert db_path.read_bytes() == bytes(raw)


def test_database_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    with sqlite3.connect(db_path) as raw:
        raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    content = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer Rapport"):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    content = db_path.read_bytes()
    with pytest.raises(NotADatabaseError, match="another program"):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_locked_database_gives_a_clear_error(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LockedDatabaseError, match="in use"):
            open_database(db_path)
    finally:
        holder.rollback()
        holder.close()


def test_older_schema_is_upgraded_after_a_backup(db_path: Path) -> None:
    """A file made by schema 1 (pre-pronouns) opens, is backed up, upgraded, data intact."""
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as raw:
        for statement in schema.V1_SCHEMA:
            raw.execute(statement)
        raw.execute(
            "INSERT INTO person (id, updated, deleted, full_name, nickname, pronunciation, "
            "headline, organization, location, how_we_met, about, interests, family, "
            "working_on, help_them, help_me, circle, confidential_fields) VALUES "
            "('p1', '0000000000001-0000-dev', 0, 'José Núñez', '', '', '', 'Acme', '', '', "
            "'', '', '', '', '', '', 'close', '')"
        )
        raw.execute("PRAGMA user_version = 1")
    open_database(db_path)
    assert database.execute_sql("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    person = Person.get_by_id("p1")
    assert (person.full_name, person.organization, person.pronouns) == ("José Núñez", "Acme", "")
    backups = list((db_path.parent / "backups").glob("*before-v2*.sqlite3.zst"))
    assert len(backups) == 1
    plain = extract(backups[0], db_path.parent / "old.sqlite3")  # compressed, checked
    with sqlite3.connect(plain) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT full_name FROM person").fetchone()[0] == "José Núñez"
    journal.save(Person, "p1", {"pronouns": "he/him"})
    assert Person.get_by_id("p1").pronouns == "he/him"


def test_deleting_or_restoring_a_missing_row_is_an_error(db_path: Path) -> None:
    open_database(db_path)
    with pytest.raises(LookupError):
        journal.delete(Tag, "no-such-row")
    with pytest.raises(LookupError):
        journal.restore(Tag, "no-such-row")
    assert Tag.select().count() == 0


def test_bulk_insert_refuses_unknown_fields(db_path: Path) -> None:
    open_database(db_path)
    with pytest.raises(ValueError, match="no field"), database.atomic():
        journal.insert_many(Person, [{"full_name": "A", "fullname": "typo"}])
    assert Person.select().count() == 0
