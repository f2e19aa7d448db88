"""Rotating backups: when they are taken, what is pruned, listing and restoring."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from desktop.services import backups, people, store
from desktop.services.backups import BackupError

NOW = datetime(2026, 3, 15, 12, 0, 0)


def _fake_backup(data_dir, when: datetime, reason: str = "auto"):
    return backups.backup_now(data_dir, reason=reason, now=when)


def test_backup_if_due_at_start_then_only_every_few_hours(data_dir):
    first = backups.backup_if_due(data_dir, NOW)
    assert first is not None and first.reason == "auto"
    assert first.path.parent == data_dir / "backups"
    assert first.name == "rapport-20260315-120000-auto.sqlite3.zst"  # the migration naming
    assert backups.backup_if_due(data_dir, NOW + timedelta(hours=1)) is None
    later = backups.backup_if_due(data_dir, NOW + timedelta(hours=4, minutes=1))
    assert later is not None


def test_a_fresh_folder_without_a_database_needs_no_backup(tmp_path):
    assert backups.backup_if_due(tmp_path / "empty", NOW) is None


def test_pruning_keeps_a_week_then_one_per_week(data_dir):
    for days in range(0, 40):
        for hour in (9, 15):
            _fake_backup(data_dir, NOW - timedelta(days=days, hours=hour))
    removed = backups.prune(data_dir, now=NOW, bounded=False)  # the size bound: below
    kept = [b.created for b in backups.list_backups(data_dir, counts=False)]
    recent = [c for c in kept if c >= NOW - timedelta(days=7)]
    older = [c for c in kept if c < NOW - timedelta(days=7)]
    assert len(recent) == 14  # every backup of the last 7 days
    weeks = [c.isocalendar()[:2] for c in older]
    assert len(weeks) == len(set(weeks))  # at most one per week before that
    assert len(older) >= 4 and removed


def test_list_shows_dates_reasons_and_counts(data_dir):
    people.create_person(full_name="Ana Ruiz")
    info = backups.backup_now(data_dir, reason="manual")
    people.create_person(full_name="Ben Okafor")
    [listed] = backups.list_backups(data_dir)
    assert listed.name == info.name and listed.reason == "manual"
    assert listed.people == 1 and listed.conversations == 0
    assert not (data_dir / "backups" / (info.name + "-wal")).exists()  # one file per backup


def test_an_unreadable_backup_is_listed_with_its_problem(data_dir):
    bad = data_dir / "backups" / "rapport-20200101-000000-auto.sqlite3"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"not a database at all" * 100)
    [listed] = backups.list_backups(data_dir)
    assert listed.people is None and listed.problem


def test_restore_backs_up_the_current_data_first_and_reopens(data_dir):
    people.create_person(full_name="Ana Ruiz")
    saved = backups.backup_now(data_dir, reason="manual")
    people.create_person(full_name="Ben Okafor")
    with pytest.raises(BackupError, match="confirm"):
        backups.restore_backup(data_dir, saved.name, confirmed=False)
    result = backups.restore_backup(data_dir, saved.name, confirmed=True)
    assert [name for _, name in people.all_names()] == ["Ana Ruiz"]  # the store is open again
    assert result.safety_copy is not None and result.safety_copy.reason == "before-restore"
    names = {b.name: b for b in backups.list_backups(data_dir)}
    assert names[result.safety_copy.name].people == 2  # nothing lost: Ben is in there
    people.create_person(full_name="Cleo")  # and the restored store is writable
    assert len(people.all_names()) == 2


def test_restore_when_the_store_is_closed(data_dir):
    people.create_person(full_name="Ana Ruiz")
    saved = backups.backup_now(data_dir)
    people.create_person(full_name="Ben Okafor")
    store.close_store()
    backups.restore_backup(data_dir, saved.name, confirmed=True)
    store.open_store(data_dir)
    assert [name for _, name in people.all_names()] == ["Ana Ruiz"]


def test_restore_refuses_unknown_and_foreign_files(data_dir):
    with pytest.raises(BackupError, match="no backup called"):
        backups.restore_backup(data_dir, "nope.sqlite3", confirmed=True)
    foreign = data_dir / "backups" / "rapport-20200101-000000-auto.sqlite3"
    foreign.parent.mkdir(exist_ok=True)
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE x (y)")
    connection.close()
    people.create_person(full_name="Still Here")
    with pytest.raises(BackupError, match="not a"):
        backups.restore_backup(data_dir, foreign.name, confirmed=True)
    assert [name for _, name in people.all_names()] == ["Still Here"]


def test_backup_before_refuses_inside_a_transaction(data_dir):
    from desktop.storage.models import database

    with database.atomic(), pytest.raises(BackupError, match="inside a running change"):
        backups.backup_before("before-import")


def test_backups_of_the_same_second_do_not_overwrite_each_other(data_dir):
    first = backups.backup_now(data_dir, reason="manual", now=NOW)
    second = backups.backup_now(data_dir, reason="manual", now=NOW)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert {b.name for b in backups.list_backups(data_dir, counts=False)} == {
        first.name,
        second.name,
    }
