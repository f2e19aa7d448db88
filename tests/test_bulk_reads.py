"""The briefing reads its guests in bulk (#15): each batch read gives exactly what the
one-person read gives, for every guest, the dead left out."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.services import briefing, commitments, conversations, introductions, people, trust


@pytest.fixture
def guests(data_dir: Path) -> list[str]:
    ana = people.create_person(full_name="Ana Ruiz", tags=["sailing", "python"])
    ben = people.create_person(full_name="Ben Ode", organization="Initech")
    cleo = people.create_person(full_name="Cleo Park")
    people.add_contact_point(person_id=ana, kind="email", value="ana@example.com")
    introductions.record_introduction(introducer_id=ben, person_id=ana)
    for day, who in ((1, [ana, ben]), (3, [ana]), (2, [ben, cleo])):
        conversations.log_conversation(
            participants=who, notes=f"day {day}", happened_at=datetime(2026, 5, day)
        )
    conversations.log_conversation(participants=[ana], notes="undated")  # happened now
    gone = conversations.log_conversation(participants=[ana], notes="deleted")
    conversations.delete_conversation(gone)
    commitments.make_commitment(owner="me", person_id=ana, description="send the deck")
    done = commitments.make_commitment(owner="them", person_id=ana, description="intro to Lu")
    commitments.keep(done)
    dead = people.create_person(full_name="Dee Gone")
    people.delete_person(dead)
    return [ana, ben, cleo, dead]


def test_batch_reads_match_one_by_one(guests: list[str]) -> None:
    *live, _dead = guests
    cards = people.get_people(guests)
    assert set(cards) == set(live)
    talks = conversations.conversations_with_each(guests)
    promises = commitments.commitments_with_each(guests)
    readings = trust.readings_for(guests)
    assert set(readings) == set(live)
    for pid in live:
        assert cards[pid] == people.get_person(pid)
        assert talks[pid] == conversations.conversations_with(pid)
        assert promises[pid] == commitments.commitments_with(pid)
    trust._cache.clear()
    for pid in live:
        assert trust.reading_for(pid) == readings[pid]
    assert cards[live[0]].introduced_by and cards[live[0]].contact_points
    assert [t.notes for t in talks[live[0]]] == ["undated", "day 3", "day 1"]  # undated: now


def test_a_sheet_with_someone_deleted_still_says_who(guests: list[str]) -> None:
    *live, _dead = guests
    assert [p.person_id for p in briefing.gather_for_people(live).people] == live
    with pytest.raises(people.PersonNotFound):
        briefing.gather_for_people(guests)
