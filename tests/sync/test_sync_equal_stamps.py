"""Issue #21: two changes with the SAME stamp and different values (one device's clock
reused — a data folder restored from a backup, or a key holder replaying a stamp) end the
same way on every device, whatever order they arrive in, also when the second one arrives
below the sender's frontier (where the dedup used to skip it unseen)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from desktop.services import people
from desktop.storage import replication
from desktop.storage.models import Change, Person
from desktop.storage.replication import Group
from desktop.sync import state
from tests.sync.replicas import Replica, digest

SENDERS = ("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb")


@pytest.fixture
def made(tmp_path: Path):
    """A person created on a writer replica: its creation as one write, and a later stamp
    of the same origin (the one the two conflicting values share)."""
    writer = Replica(tmp_path, "writer").use()
    person = people.create_person(full_name="Ana Ruiz", organization="Acme")
    rows = list(Change.select().where(Change.row_id == person).order_by(Change.seq))
    hlc = rows[0].hlc
    creation = (hlc, "person", person, {c.field: c.value for c in rows if c.hlc == hlc})
    later = f"{int(hlc[:13]) + 1000:013d}{hlc[13:]}"
    writer.close()
    return person, creation, later


def _receive(replica: Replica, segments: list[list[tuple]]) -> str:
    """Apply segment i as the first one of sender folder i; returns the organization."""
    replica.use()
    origin = state.own_origin()
    for index, writes in enumerate(segments):
        replication.apply_segment(
            sender=SENDERS[index], seq=1, groups=[Group(None, tuple(writes))], own_origin=origin
        )
    person = Person.get_by_id(segments[0][0][2])
    return person.organization


def test_equal_stamps_converge_in_any_order(tmp_path: Path, made) -> None:
    person, creation, later = made
    globex = (later, "person", person, {"organization": '"Globex"'})
    initech = (later, "person", person, {"organization": '"Initech"'})
    outcomes, digests = set(), set()
    for number, (first, second) in enumerate(itertools.permutations([globex, initech])):
        replica = Replica(tmp_path, f"r{number}")
        try:
            # the second arrives from another folder, at or below the origin's frontier
            outcomes.add(_receive(replica, [[creation, first], [second]]))
            digests.add(_field_state(person))
        finally:
            replica.close()
    assert outcomes == {"Initech"}  # the greater value text, wherever it came first
    assert len(digests) == 1


def test_equal_stamps_in_one_segment_and_repeats_converge(tmp_path: Path, made) -> None:
    person, creation, later = made
    globex = (later, "person", person, {"organization": '"Globex"'})
    initech = (later, "person", person, {"organization": '"Initech"'})
    one = Replica(tmp_path, "one")
    other = Replica(tmp_path, "other")
    try:
        assert _receive(one, [[creation, initech, globex]]) == "Initech"
        assert _receive(other, [[creation, globex, initech], [initech, globex]]) == "Initech"
        one.use()
        first = _field_state(person)
        other.use()
        assert _field_state(person) == first
        before = digest()
        # a repeat of what is already there changes nothing (no log entry, no conflict)
        replication.apply_segment(
            sender=SENDERS[1],
            seq=2,
            groups=[Group(None, (initech, globex))],
            own_origin=state.own_origin(),
        )
        assert digest() == before
    finally:
        one.close()
        other.close()


def _field_state(person: str) -> tuple:
    row = Person.get_by_id(person)
    return (row.full_name, row.organization, row.deleted)
