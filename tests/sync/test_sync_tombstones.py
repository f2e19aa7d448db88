"""Issue #15 regression: a delete older than a later edit is still a value the store knows.

The three-replica convergence property failed after "state once" with "lost
participant.deleted = true; final false": a row's ``deleted`` column says whether the
row is HIDDEN (SYNC.md: only while its delete is newer than every other field), so after
delete-then-edit the column is 0 while the field still holds ``true`` at the delete's
stamp. Reading that column as the field's value reported a ``false`` nobody wrote, at
the winning stamp, and made a concurrent ``true`` look lost. This replays the exact
sequence with fixed clocks: three replicas, a participant deleted on two of them,
restored on one, and edited after the delete on another.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from desktop.storage import clocks, hlc, journal, log_rows
from desktop.storage.models import Conversation, Participant, Person, database, link_id
from desktop.storage.sync_tables import Conflict
from desktop.sync.targets import parse_target
from tests.sync.replicas import Replica, digest, join_all, sync_all


class FixedTime:
    """The HLC's ``time``: moved on by hand, so every stamp's order is known."""

    def __init__(self) -> None:
        import time

        self.now = time.time()

    def time(self) -> float:
        return self.now

    def step(self) -> None:
        self.now += 1.0


@pytest.fixture
def three(tmp_path: Path) -> Iterator[tuple[list[Replica], FixedTime]]:
    clock = FixedTime()
    with mock.patch.object(hlc, "time", clock):
        replicas = [Replica(tmp_path, name) for name in ("ana", "ben", "cy")]
        try:
            join_all(replicas, parse_target(str(tmp_path / "vault")))
            yield replicas, clock
        finally:
            for replica in replicas:
                replica.close()


def _write(replica: Replica, clock: FixedTime, model, row_id, values) -> str:
    clock.step()
    replica.use()
    return journal.save(model, row_id, values)


def _deleted_values(row_id: str) -> dict[str, set[str]]:
    """Stamp → every value of the participant's ``deleted`` this store reports knowing."""
    found: dict[str, set[str]] = {}
    for stamp, entity, row, name, value in log_rows.known_values():
        if (entity, row, name) == ("participant", row_id, "deleted"):
            found.setdefault(stamp, set()).add(value)
    return found


def test_delete_then_edit_keeps_the_delete_and_a_concurrent_restore(three) -> None:
    replicas, clock = three
    ana, ben, cy = replicas
    first = _write(ana, clock, Person, None, {"full_name": "Ana"})
    second = _write(ana, clock, Person, None, {"full_name": "Ben"})
    talk = _write(ana, clock, Conversation, None, {"title": "Lunch"})
    row_id = link_id("participant", talk, first)
    _write(ana, clock, Participant, row_id, {"conversation": talk, "person": first})
    sync_all(replicas)

    # concurrently (nobody syncs): ben deletes then restores, cy deletes, ana deletes
    # and then edits the same participant, which shows it again
    _write(ben, clock, Participant, row_id, {"deleted": True})
    _write(ben, clock, Participant, row_id, {"deleted": False})
    _write(cy, clock, Participant, row_id, {"deleted": True})
    _write(ana, clock, Participant, row_id, {"deleted": True})
    delete_stamp = clocks.of_row(Participant, row_id)["deleted"]
    _write(ana, clock, Participant, row_id, {"person": second})
    sync_all(replicas)

    digests = []
    for replica in replicas:
        replica.use()
        digests.append(digest())
        row = Participant.get_by_id(row_id)
        assert (row.deleted, row.person_id) == (False, second)  # the later edit shows it
        assert clocks.of_row(Participant, row_id)["deleted"] == delete_stamp
        known = _deleted_values(row_id)
        # the winning delete is known as what was written, never as the hidden flag
        assert known[delete_stamp] == {"true"}
        # ben's restore lost to ana's delete that had not seen it: kept as a conflict
        restores = [stamp for stamp, values in known.items() if values == {"false"}]
        assert len(restores) == 2  # the creation and ben's restore
        kept = {
            c.losing_hlc
            for c in Conflict.select().where(
                (Conflict.row_id == row_id) & (Conflict.field == "deleted")
            )
        }
        assert max(restores) in kept
        # cy's concurrent delete equals the value in force: nothing lost, no conflict
        cy_stamps = [s for s, v in known.items() if v == {"true"} and s != delete_stamp]
        assert len(cy_stamps) == 2  # ben's and cy's deletes, both stay known
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert len(set(digests)) == 1


def test_an_edit_that_revives_an_unlogged_delete_logs_the_delete(data_dir) -> None:
    """A row whose values only its row holds (the demo's ``logged=False``, a pruned
    upgrade) and whose column says deleted: editing it shows it again, and the delete it
    held must then be in the log, since the column no longer says it."""
    from desktop.storage import log_rows as rows_of

    with database.atomic():
        (person,) = journal.insert_many(
            Person, [{"full_name": "Ana", "deleted": True}], logged=False
        )
    stamp = clocks.of_row(Person, person)["deleted"]
    journal.save(Person, person, {"about": "back again"})
    assert Person.get_by_id(person).deleted is False
    assert clocks.of_row(Person, person)["deleted"] == stamp
    assert rows_of.tombstones("person", [person]) == {(person, stamp): "true"}
    known = {(s, v) for s, e, r, n, v in rows_of.known_values() if (r, n) == (person, "deleted")}
    assert known == {(stamp, "true")}
