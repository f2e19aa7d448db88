"""Snapshots (SYNC.md "Compaction"): written at the threshold, a join starts from the newest
readable one and ends in the same state as a replay, a bad one falls back with a warning,
and merging (conflicts, later edits) stays right afterwards."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.services import people
from desktop.services.sync.cycle import sync_now
from desktop.services.sync.setup import create_vault, join_vault
from desktop.storage import journal
from desktop.storage import replication_snapshot as rs
from desktop.storage.models import ContactPoint, Conversation, Participant, Person, Tag, database
from desktop.storage.sync_tables import Conflict, SyncDevice
from desktop.sync import layout
from desktop.sync.engine import SyncEngine
from desktop.sync.targets import parse_target
from tests.sync.conftest import WEBDAV_PASSWORD, WEBDAV_USER, WebDavServer
from tests.sync.replicas import PASSPHRASE, Replica, cheap_kdf, state_rows


@pytest.fixture
def small_snapshots(monkeypatch: pytest.MonkeyPatch):
    """Thresholds a test can reach: a snapshot after 40 changes or 3 segments, 25-row parts."""
    defaults = SyncEngine.__init__.__kwdefaults__
    monkeypatch.setitem(defaults, "snapshot_changes", 40)
    monkeypatch.setitem(defaults, "snapshot_segments", 3)
    monkeypatch.setitem(defaults, "snapshot_part_changes", 25)
    return defaults


def state() -> str:
    """Rows and field clocks (the merged state). The change log differs by design: a device
    that starts from a snapshot holds the winning values only, not every earlier one."""
    rows = state_rows()
    rows.pop("change")
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def changes() -> set[tuple]:
    return set(
        database.execute_sql('SELECT hlc, entity, row_id, field, value FROM "change"').fetchall()
    )


def indexes() -> set[tuple[str, str]]:
    return set(
        database.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
    )


def snapshot_files(vault: Path) -> list[Path]:
    return sorted((vault / layout.SNAPSHOTS).rglob("*.snap"))


def create(replica: Replica, target, **kwargs) -> None:
    replica.use()
    create_vault(
        target=target, passphrase=PASSPHRASE, kdf=cheap_kdf(), device_name=replica.name, **kwargs
    )


def join(replica: Replica, target, **kwargs):
    replica.use()
    join_vault(target=target, passphrase=PASSPHRASE, device_name=replica.name, **kwargs)
    return sync_now(policy=kwargs.get("policy"))


def some_network(people_count: int = 12) -> list[str]:
    """People with tags, contact points and conversations, some edited, one deleted and
    one deleted then brought back by a later edit."""
    ids = []
    for n in range(people_count):
        person = people.create_person(full_name=f"Person {n}", organization=f"Org {n % 3}")
        journal.save(Tag, None, {"person": person, "name": f"tag{n % 4}"})
        journal.save(ContactPoint, None, {"person": person, "kind": "email", "value": f"{n}@x"})
        ids.append(person)
    talk = journal.save(Conversation, None, {"title": "Harbour lunch", "notes": "spinnaker"})
    journal.save(Participant, None, {"conversation": talk, "person": ids[0]})
    people.update_person(ids[1], headline="edited once")
    people.update_person(ids[1], headline="edited twice")
    journal.delete(Person, ids[2])
    journal.delete(Person, ids[3])
    journal.save(Person, ids[3], {"about": "back again"})  # an edit after the delete
    return ids


def test_a_snapshot_is_written_when_enough_changes_accumulated(tmp_path, small_snapshots):
    small_snapshots["snapshot_changes"] = 1000  # only the segment rule counts here
    a = Replica(tmp_path, "a")
    vault = tmp_path / "vault"
    create(a, parse_target(str(vault)))
    for n in range(2):
        people.create_person(full_name=f"P{n}")
        sync_now()
    assert snapshot_files(vault) == []  # two segments: below the threshold of three
    people.create_person(full_name="P2")
    sync_now()
    (manifest,) = snapshot_files(vault)
    assert manifest.name == "1.snap"
    assert sorted(p.name for p in manifest.with_suffix("").iterdir()) == ["1.part"]
    sync_now()  # nothing new: no second snapshot
    assert len(snapshot_files(vault)) == 1
    small_snapshots["snapshot_changes"] = 40  # the change rule: 40 new log entries
    for n in range(45):  # a creation is one entry (the row holds its values)
        people.create_person(full_name=f"Q{n}", headline="h")
    sync_now()
    assert [p.name for p in snapshot_files(vault)] == ["1.snap", "2.snap"]
    a.close()


def test_a_join_from_a_snapshot_equals_a_full_replay(tmp_path, small_snapshots) -> None:
    a, b, c = (Replica(tmp_path, n) for n in ("a", "b", "c"))
    vault = tmp_path / "vault"
    target = parse_target(str(vault))
    a.use()
    ids = some_network()
    schema_indexes = indexes()
    assert any(name == "change_segment" for name, _ in schema_indexes)
    create(a, target)
    sync_now(segment_changes=30)  # several segments, then the snapshot
    assert len(snapshot_files(vault)) == 1
    people.update_person(ids[4], headline="after the snapshot")  # only in a later segment
    journal.save(Tag, None, {"person": ids[5], "name": "late"})
    sync_now()
    segments = len(list((vault / layout.DEVICES).rglob("*.seg")))
    result = join(b, target)
    assert result.pulled_segments == 1  # the snapshot, then only the segment after it
    assert not result.warnings
    # The bulk load ran with a rollback journal and a big cache; both are given back.
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA cache_size").fetchone()[0] == -32_000
    assert indexes() == schema_indexes  # dropped for the bulk load, then built again
    joined, joined_changes = state(), changes()
    assert Person.get_by_id(ids[4]).headline == "after the snapshot"
    assert Person.get_by_id(ids[2]).deleted and not Person.get_by_id(ids[3]).deleted
    small_snapshots["snapshot_changes"] = small_snapshots["snapshot_segments"] = 10**9
    hidden = vault / layout.SNAPSHOTS
    hidden.rename(vault / "hidden")  # C cannot see the snapshot: it replays every segment
    replay = join(c, target)
    (vault / "hidden").rename(hidden)
    assert replay.pulled_segments == segments
    assert state() == joined
    assert joined_changes <= changes()  # the winners, each byte for byte as replayed
    a.use()
    assert state() == joined
    for r in (a, b, c):
        r.close()


def test_a_tampered_snapshot_is_skipped_with_a_warning(tmp_path, small_snapshots) -> None:
    a, b, c = (Replica(tmp_path, n) for n in ("a", "b", "c"))
    vault = tmp_path / "vault"
    target = parse_target(str(vault))
    a.use()
    some_network()
    create(a, target)
    sync_now()
    for n in range(45):  # a second snapshot, newer than the first (one entry each)
        people.create_person(full_name=f"Later {n}", headline="x")
    sync_now()
    first, second = snapshot_files(vault)
    small_snapshots["snapshot_changes"] = small_snapshots["snapshot_segments"] = 10**9
    expected = state()
    part = second.with_suffix("") / "2.part"
    data = bytearray(part.read_bytes())
    data[-5] ^= 0x01  # one flipped bit in the newest snapshot
    part.write_bytes(bytes(data))
    result = join(b, target)
    assert any("Snapshot 2 from a could not be used" in w for w in result.warnings)
    assert state() == expected  # from snapshot 1, then the segments after it
    assert SyncDevice.get().cursor > 0
    second.write_bytes(second.read_bytes()[:60])  # now truncated as well
    first.write_bytes(b"")  # and the older one empty: replay every segment
    result = join(c, target)
    assert sum("could not be used" in w for w in result.warnings) == 2
    assert state() == expected
    for r in (a, b, c):
        r.close()


def test_half_copied_and_foreign_files_in_the_folder_are_ignored(tmp_path, small_snapshots):
    a, b = Replica(tmp_path, "a"), Replica(tmp_path, "b")
    vault = tmp_path / "vault"
    target = parse_target(str(vault))
    a.use()
    some_network()
    create(a, target)
    sync_now()
    (manifest,) = snapshot_files(vault)
    folder = manifest.parent
    (folder / ".2.snap.syncthing.tmp").write_bytes(b"half")  # a sync tool's temp file
    (folder / "2.snap.icloud").write_bytes(b"placeholder")
    (folder / "2 (conflicted copy).snap").write_bytes(b"copy")
    (folder / "3.snap").write_bytes(manifest.read_bytes()[:100])  # still arriving
    expected = state()
    result = join(b, target)
    assert any("Snapshot 3" in w for w in result.warnings)
    assert state() == expected
    assert result.pulled_segments == 0  # started from snapshot 1, which covers everything
    a.close()
    b.close()


def test_a_device_with_its_own_data_merges_the_snapshot_and_records_conflicts(
    tmp_path, small_snapshots
) -> None:
    a, b = Replica(tmp_path, "a"), Replica(tmp_path, "b")
    vault = tmp_path / "vault"
    target = parse_target(str(vault))
    shared = "11111111-2222-3333-4444-555555555555"
    b.use()
    journal.save(Person, shared, {"full_name": "Ana on B", "headline": "B's line"})
    own = people.create_person(full_name="Only on B")
    a.use()
    some_network()
    journal.save(Person, shared, {"full_name": "Ana on A"})
    create(a, target)
    sync_now()
    assert len(snapshot_files(vault)) == 1
    result = join(b, target)
    assert result.pulled_segments == 0  # the snapshot covered A's segments
    assert Person.get_by_id(own).full_name == "Only on B"
    lost = {(c.field, journal.decode_value(c.value)) for c in Conflict.select()}
    assert lost & {("full_name", "Ana on A"), ("full_name", "Ana on B")}
    assert result.conflicts >= 1
    for _ in range(2):
        for r in (a, b):
            r.use()
            sync_now()
    b.use()
    settled = state()
    assert Person.get_by_id(shared).headline == "B's line"  # a field only B wrote: kept
    a.use()
    assert state() == settled
    assert Person.get_by_id(own).full_name == "Only on B"
    a.close()
    b.close()


def test_conflicts_are_still_told_from_later_edits_after_a_snapshot_join(
    tmp_path, small_snapshots
) -> None:
    a, b, c = (Replica(tmp_path, n) for n in ("a", "b", "c"))
    vault = tmp_path / "vault"
    target = parse_target(str(vault))
    a.use()
    ids = some_network()
    create(a, target)
    sync_now()
    join(c, target)  # C starts from A's snapshot too
    people.update_person(ids[6], headline="C saw A's value and changed it")
    sync_now()
    join(b, target)  # B: A's snapshot, then C's segment
    assert Person.get_by_id(ids[6]).headline == "C saw A's value and changed it"
    # a later edit on B (it had seen everything): not a conflict anywhere
    people.update_person(ids[7], organization="B's later org")
    sync_now()
    # a real race: A and B change the same field before either syncs
    a.use()
    people.update_person(ids[8], headline="A's race")
    b.use()
    people.update_person(ids[8], headline="B's race")
    for _ in range(2):
        for r in (a, b, c):
            r.use()
            sync_now()
    for r in (a, b, c):
        r.use()
        fields = [(x.row_id, x.field) for x in Conflict.select()]
        assert (ids[7], "organization") not in fields
        assert (ids[6], "headline") not in fields
    a.use()
    race = [x for x in Conflict.select() if x.row_id == ids[8]]
    b.use()
    race += [x for x in Conflict.select() if x.row_id == ids[8]]
    assert race, "the concurrent edit must be listed as a conflict"
    digests = {r.use() and state() for r in (a, b, c)}
    assert len(digests) == 1
    for r in (a, b, c):
        r.close()


def test_snapshots_travel_through_webdav(tmp_path, webdav: WebDavServer, small_snapshots):
    from desktop.sync.retry import RetryPolicy

    policy = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, timeout=5)
    target = parse_target(webdav.new_collection(), user=WEBDAV_USER)
    a, b = Replica(tmp_path, "a"), Replica(tmp_path, "b")
    a.use()
    some_network()
    create(a, target, secret=WEBDAV_PASSWORD, policy=policy)
    sync_now(policy=policy)
    expected = state()
    result = join(b, target, secret=WEBDAV_PASSWORD, policy=policy)
    assert result.pulled_segments == 0 and result.pulled > 0
    assert state() == expected
    a.close()
    b.close()


def test_the_bulk_settings_stay_in_wal_mode_while_another_connection_is_open(tmp_path) -> None:
    """The app's background readers hold connections: SQLite then refuses to leave WAL
    mode, and the load must simply go on in WAL mode."""
    replica = Replica(tmp_path, "a")
    replica.use()
    path = database.database
    other = sqlite3.connect(path)
    other.execute("SELECT count(*) FROM person").fetchone()  # an open reader
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM person").fetchone()
    try:
        with rs._bulk_settings():
            assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert database.execute_sql("PRAGMA cache_size").fetchone()[0] == -rs.BULK_CACHE_KIB
            journal.save(Person, None, {"full_name": "Written during the load"})
    finally:
        other.rollback()
        other.close()
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert Person.select().where(Person.full_name == "Written during the load").count() == 1
    replica.close()


def test_a_failed_bulk_load_brings_the_deferred_indexes_back(tmp_path) -> None:
    replica = Replica(tmp_path, "a")
    replica.use()
    before = indexes()
    tables = ["change", "person", "conversation"]
    with pytest.raises(RuntimeError), database.atomic(), rs._indexes_deferred(tables):
        names = {n for n, _ in indexes()}
        assert not names & {"change_segment", "conversation_event_id"}
        assert "conversation_fts_key" in names  # each insert's search-index trigger reads it
        raise RuntimeError("the load failed half-way")
    assert indexes() == before
    replica.close()
