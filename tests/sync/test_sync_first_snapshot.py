"""The first push after turning sync on prepares the snapshot from what it reads (issue #15).

``sync create`` pushes every change and then writes a snapshot of the same values; the
push now hands the values in force to the snapshot instead of the snapshot reading and
completing the whole log again. These tests check that the prepared snapshot is exactly
what reading the log gives, that anything logged in between makes it fall back to
reading the log, and that a vault so created is joined by devices that converge.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.services import people
from desktop.services.sync.cycle import sync_now
from desktop.storage import journal, log_rows, outbox
from desktop.storage import replication_snapshot as rs
from desktop.storage.models import SYNCED_MODELS, Person, Tag, database
from desktop.storage.sync_tables import Conflict
from desktop.sync import layout, snapshot, state
from tests.sync.replicas import Replica
from tests.sync.test_sync_snapshots import (
    create,
    join,
    small_snapshots,  # noqa: F401  (a fixture)
    snapshot_files,
    some_network,
)
from tests.sync.test_sync_snapshots import (
    state as merged_state,
)

pytestmark = pytest.mark.usefixtures("small_snapshots")


class Spy:
    """Records the writes encoded into snapshot parts and the manifest's frontier/vectors,
    and counts reads of the log for a snapshot."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.encoded: list[Any] = []
        self.finished: list[dict[str, Any]] = []
        self.log_reads = 0
        encode, finish, read = snapshot.encode_part, rs.finish, rs.read_part
        self.read_part, self.finish = read, finish  # the originals, for the reference

        def encode_part(writes):
            self.encoded.extend(writes)
            return encode(writes)

        def finish_(base):
            self.finished.append(finish(base))
            return self.finished[-1]

        def read_part(*args, **kwargs):
            self.log_reads += 1
            return read(*args, **kwargs)

        monkeypatch.setattr(snapshot, "encode_part", encode_part)
        monkeypatch.setattr(rs, "finish", finish_)
        monkeypatch.setattr(rs, "read_part", read_part)


def read_from_log(spy: Spy) -> tuple[list[Any], dict[str, Any]]:
    """What the snapshot would hold if it read the log now (the slow path, in one part:
    a part boundary may split a write, a batch never does)."""
    origin = state.own_origin()
    config = state.load_config()
    assert config is not None
    base = rs.begin(own_device=config.device_id, own_origin=origin)
    assert base is not None
    writes, after = [], 0
    while after < base.log_max:
        part, after = spy.read_part(base, after, 10**6)
        writes.extend(part)
    return writes, spy.finish(base)


def test_the_first_push_prepares_exactly_the_snapshot_the_log_gives(tmp_path, monkeypatch) -> None:
    spy = Spy(monkeypatch)
    a = Replica(tmp_path, "a")
    vault = tmp_path / "vault"
    a.use()
    some_network()
    create(a, vault_target(vault))
    sync_now(segment_changes=30)  # several segments, then the snapshot
    (manifest,) = snapshot_files(vault)
    assert spy.log_reads == 0, "the snapshot read the log again instead of using the push's"
    assert len(list(manifest.with_suffix("").iterdir())) > 1  # parts split between batches
    writes, finished = read_from_log(spy)
    assert [tuple(w) for w in spy.encoded] == [tuple(w) for w in writes]
    assert spy.finished == [finished]
    sync_now()  # nothing new: neither a segment nor a snapshot
    assert len(snapshot_files(vault)) == 1
    a.close()


def test_an_edit_during_the_first_push_makes_the_snapshot_read_the_log(
    tmp_path, monkeypatch
) -> None:
    spy = Spy(monkeypatch)
    a, b, c = (Replica(tmp_path, n) for n in ("a", "b", "c"))
    vault = tmp_path / "vault"
    a.use()
    ids = some_network()
    create(a, vault_target(vault))
    confirm = outbox.confirm_pushed
    edits = iter([ids[0], ids[5]])

    def confirm_and_edit(seq: int) -> None:  # the user edits while the push runs
        confirm(seq)
        person = next(edits, None)
        if person is not None:
            people.update_person(person, headline=f"edited during batch {seq}")

    monkeypatch.setattr(outbox, "confirm_pushed", confirm_and_edit)
    sync_now(segment_changes=30)
    monkeypatch.setattr(outbox, "confirm_pushed", confirm)
    assert snapshot_files(vault)
    assert spy.log_reads > 0, "the prepared parts were used although the log changed"
    expected = merged_state()
    result = join(b, target := vault_target(vault))
    assert result.pulled_segments == 0  # the snapshot covered every segment
    assert Person.get_by_id(ids[0]).headline == "edited during batch 1"
    assert merged_state() == expected
    (vault / layout.SNAPSHOTS).rename(vault / "hidden")  # C replays every segment
    join(c, target)
    assert merged_state() == expected
    for r in (a, b, c):
        r.close()


def test_a_vault_created_with_a_prepared_snapshot_is_joined_by_devices_that_converge(
    tmp_path, monkeypatch
) -> None:
    spy = Spy(monkeypatch)
    a, b, c, d = (Replica(tmp_path, n) for n in ("a", "b", "c", "d"))
    vault = tmp_path / "vault"
    target = vault_target(vault)
    a.use()
    ids = some_network()
    create(a, target)
    sync_now(segment_changes=30)
    assert spy.log_reads == 0 and len(snapshot_files(vault)) == 1
    result = join(b, target)  # the second device: from the prepared snapshot
    assert result.pulled_segments == 0 and not result.warnings
    assert Person.get_by_id(ids[2]).deleted and not Person.get_by_id(ids[3]).deleted
    people.update_person(ids[4], headline="B's edit")
    journal.delete(Person, ids[6])
    sync_now()
    a.use()
    people.update_person(ids[5], organization="A's later org")
    journal.save(Tag, None, {"person": ids[7], "name": "from A"})
    sync_now()
    join(c, target)  # a third device, later: a snapshot, then the segments after it
    people.update_person(ids[8], headline="C's edit")
    sync_now()
    a.use()
    people.update_person(ids[9], headline="A's race")  # the same field on A and B
    b.use()
    people.update_person(ids[9], headline="B's race")
    for _ in range(2):
        for r in (a, b, c):
            r.use()
            sync_now()
    digests = {r.use() and merged_state() for r in (a, b, c)}
    assert len(digests) == 1
    assert Person.get_by_id(ids[4]).headline == "B's edit"
    assert Person.get_by_id(ids[6]).deleted
    assert Person.get_by_id(ids[8]).headline == "C's edit"
    race = []
    for r in (a, b):
        r.use()
        race += [x for x in Conflict.select() if x.row_id == ids[9]]
    assert race, "the concurrent edit must be listed as a conflict"
    (vault / layout.SNAPSHOTS).rename(vault / "hidden")  # D replays every segment
    join(d, target)
    assert merged_state() in digests
    for r in (a, b, c, d):
        r.close()


def vault_target(vault):
    from desktop.sync.targets import parse_target

    return parse_target(str(vault))


def test_turning_sync_on_over_an_unlogged_store_numbers_the_log_as_sorting_it_did(
    data_dir,
) -> None:
    """The demo (and an upgraded store that never synced) has no log: its creation entries
    are sorted in memory and written once, in the order and under the numbers that
    writing them and then renumbering the log in stamp order gave."""
    from datetime import datetime

    from desktop.services import demo

    demo.build_demo(people=30, seed=2, now=datetime(2026, 11, 25, 18, 0))
    edited = Person.select().order_by(Person.id).first()
    people.update_person(edited.id, headline="a second stamp")  # a row of two stamps
    journal.delete(Person, Person.select().order_by(Person.id.desc()).first().id)
    database.execute_sql('DELETE FROM "change"')  # as the upgrade prunes values in force

    def log() -> list[tuple]:
        return database.execute_sql('SELECT * FROM "change" ORDER BY seq').fetchall()

    with database.atomic() as transaction:
        added = log_rows.materialize_for_new_vault()
        fast = log()
        transaction.rollback()
    with database.atomic():  # the general path: insert, then renumber in stamp order
        cursor = database.obj.cursor()
        for model in SYNCED_MODELS:
            cursor.executemany(
                'INSERT INTO "change" (hlc, entity, row_id, field, value) VALUES (?, ?, ?, ?, ?)',
                list(log_rows._missing(model)),
            )
        log_rows._sort_log()
        expected = log()
    assert added == len(fast) > 30
    assert fast == expected
    assert any(e[3] == edited.id and e[4] == "headline" for e in fast)
