"""Merging through a folder vault, in one process: convergence, deletes, conflicts,
children before parents, search and notifications."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import people, store
from desktop.services.search import search
from desktop.services.sync.conflicts import conflicts, restore_conflict
from desktop.services.sync.cycle import sync_now
from desktop.storage import journal
from desktop.storage.models import Change, ContactPoint, Conversation, Person, Tag, database
from desktop.storage.sync_tables import RECEIVED, Conflict
from desktop.sync.targets import parse_target
from tests.sync.replicas import Replica, digest, join_all, sync_all


@pytest.fixture
def pair(tmp_path: Path):
    a, b = Replica(tmp_path, "laptop"), Replica(tmp_path, "desktop")
    join_all([a, b], parse_target(str(tmp_path / "vault")))
    yield a, b
    a.close()
    b.close()


def test_two_devices_converge_and_search_finds_received_people(pair) -> None:
    a, b = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme", tags=["sailing"])
    b.use()
    ben = people.create_person(full_name="Ben Ode")
    sync_all([a, b])
    a.use()
    first = digest()
    assert Person.get_by_id(ben).full_name == "Ben Ode"
    b.use()
    assert digest() == first
    assert [h.title for h in search("sailing") if h.type == "person"] == ["Ana Ruiz"]
    assert Person.get_by_id(ana).organization == "Acme"
    received = Change.select().where(Change.row_id == ana)
    assert received.count() > 0 and all(c.segment == RECEIVED for c in received)


def test_received_changes_are_published_after_commit(pair) -> None:
    a, b = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    sync_now()
    b.use()
    seen: list[frozenset] = []
    unsubscribe = store.subscribe(seen.append)
    try:
        sync_now()
    finally:
        unsubscribe()
    assert any(("person", ana) in batch for batch in seen)


def test_concurrent_edits_keep_the_loser_and_restore_brings_it_back(pair) -> None:
    a, b = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme")
    sync_all([a, b])
    a.use()
    people.update_person(ana, organization="Acme Corp")  # older
    b.use()
    people.update_person(ana, organization="Globex")  # newer: wins everywhere
    sync_all([a, b])
    for replica in (a, b):
        replica.use()
        assert Person.get_by_id(ana).organization == "Globex"
    a.use()
    [conflict] = conflicts()
    assert (conflict.field, conflict.losing, conflict.current) == (
        "organization",
        "Acme Corp",
        "Globex",
    )
    assert conflict.record == "Ana Ruiz"
    restore_conflict(conflict.id)
    assert Person.get_by_id(ana).organization == "Acme Corp"
    sync_all([a, b])
    b.use()
    assert Person.get_by_id(ana).organization == "Acme Corp"
    a.use()
    assert digest() == (b.use() and digest())


def test_a_later_edit_on_top_of_a_synced_value_is_not_a_conflict(pair) -> None:
    a, b = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme")
    sync_all([a, b])
    b.use()
    people.update_person(ana, organization="Globex")
    sync_all([a, b])
    a.use()
    people.update_person(ana, organization="Initech")
    sync_all([a, b])
    for replica in (a, b):
        replica.use()
        assert Conflict.select().count() == 0
        assert Person.get_by_id(ana).organization == "Initech"


def test_delete_hides_but_a_later_edit_elsewhere_brings_the_row_back(pair) -> None:
    a, b = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    sync_all([a, b])
    a.use()
    people.delete_person(ana)
    sync_all([a, b])
    b.use()
    assert Person.get_by_id(ana).deleted is True
    a.use()
    journal.restore(Person, ana)
    sync_all([a, b])
    b.use()
    assert Person.get_by_id(ana).deleted is False
    # Concurrent: A deletes, B edits later — the edit is newer, so the row stays visible.
    a.use()
    people.delete_person(ana)
    b.use()
    journal.save(Person, ana, {"headline": "Sailor"})
    sync_all([a, b])
    for replica in (a, b):
        replica.use()
        row = Person.get_by_id(ana)
        assert (row.deleted, row.headline) == (False, "Sailor")


def test_a_child_that_arrives_before_its_parent_waits_hidden_then_appears(tmp_path: Path) -> None:
    a, b, c = (Replica(tmp_path, n) for n in ("a", "b", "c"))
    target = parse_target(str(tmp_path / "vault"))
    join_all([a, b, c], target)
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    sync_now()
    b.use()
    sync_now()
    point = journal.save(ContactPoint, None, {"person": ana, "kind": "email", "value": "a@x.io"})
    sync_now()
    # C pulls B's segment (the contact point) — hide A's folder for a moment.
    folder = next(p for p in (tmp_path / "vault/rapport-sync-v1/devices").iterdir() if _is(p, a))
    moved = folder.with_name(".hidden")
    folder.rename(moved)
    c.use()
    sync_now()
    assert ContactPoint.get_by_id(point).value == "a@x.io"
    placeholder = Person.get_by_id(ana)
    assert placeholder.deleted is True  # parent not arrived: a hidden placeholder
    moved.rename(folder)
    sync_now()
    assert Person.get_by_id(ana).deleted is False
    assert Person.get_by_id(ana).full_name == "Ana Ruiz"
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    sync_all([a, b, c])
    digests = {r.use() and digest() for r in (a, b, c)}
    assert len(digests) == 1
    for r in (a, b, c):
        r.close()


def _is(device_folder: Path, replica: Replica) -> bool:
    replica.use()
    from desktop.sync import state

    return state.load_config().device_id == device_folder.name


def test_tags_and_conversations_reach_search_on_the_other_device(pair) -> None:
    a, b = pair
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    journal.save(Tag, None, {"person": ana, "name": "regatta"})
    journal.save(Conversation, None, {"title": "Harbour lunch", "notes": "spinnaker talk"})
    sync_all([a, b])
    b.use()
    titles = {h.title for h in search("regatta")} | {h.title for h in search("spinnaker")}
    assert "Ana Ruiz" in titles
    assert any("Harbour" in t for t in titles)


def test_an_edit_that_overtakes_the_rows_creation_waits_for_it(tmp_path: Path) -> None:
    from desktop.storage.sync_tables import SyncParked

    a, b, c = (Replica(tmp_path, n) for n in ("a", "b", "c"))
    join_all([a, b, c], parse_target(str(tmp_path / "vault")))
    a.use()
    ana = people.create_person(full_name="Ana Ruiz")
    point = journal.save(ContactPoint, None, {"person": ana, "kind": "email", "value": "a@x.io"})
    sync_now()
    b.use()
    sync_now()
    journal.save(ContactPoint, point, {"label": "work"})  # B edits A's new row
    sync_now()
    folder = next(p for p in (tmp_path / "vault/rapport-sync-v1/devices").iterdir() if _is(p, a))
    hidden = folder.with_name(".hidden")
    folder.rename(hidden)
    c.use()
    sync_now()  # only B's edit: the row cannot exist yet (its person is unknown)
    assert ContactPoint.get_or_none(ContactPoint.id == point) is None
    assert SyncParked.select().count() == 1
    hidden.rename(folder)
    sync_now()
    row = ContactPoint.get_by_id(point)
    assert (row.value, row.label, row.person_id, row.deleted) == ("a@x.io", "work", ana, False)
    assert SyncParked.select().count() == 0
    sync_all([a, b, c])
    assert len({r.use() and digest() for r in (a, b, c)}) == 1
    for r in (a, b, c):
        r.close()
