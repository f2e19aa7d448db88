"""Use cases over a real store: people, history, promises, Today, timeline, notifications."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.timeline import group_by_month
from desktop.services import (
    commitments,
    conversations,
    directory,
    events,
    exchanges,
    introductions,
    people,
    store,
    timeline,
    today,
    trust,
)

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 18, 0)


def test_person_edit_returns_previous_values_for_undo(data_dir: Path) -> None:
    pid = people.create_person(
        full_name="  Ana   Ruiz ", organization="Acme", tags=["#Python", "sailing"]
    )
    card = people.get_person(pid)
    assert card.full_name == "Ana Ruiz"  # whitespace normalised
    assert card.tags == ("python", "sailing")
    before = people.update_person(pid, organization="Globex", circle="close")
    assert before == {"organization": "Acme", "circle": "acquaintance"}
    people.update_person(pid, **before)
    assert people.get_person(pid).organization == "Acme"


def test_bad_person_input_is_refused_with_a_reason(data_dir: Path) -> None:
    with pytest.raises(ValueError, match="needs a name"):
        people.create_person(full_name="   ")
    with pytest.raises(ValueError, match="circle"):
        people.create_person(full_name="X", circle="besties")
    long_name = "N" * 5000
    pid = people.create_person(full_name=long_name)
    assert len(people.get_person(pid).full_name) == people.MAX_NAME


def test_delete_and_restore_keep_history(data_dir: Path) -> None:
    pid = people.create_person(full_name="Ben Ode")
    conversations.log_conversation(participants=[pid], notes="coffee")
    people.delete_person(pid)
    with pytest.raises(people.PersonNotFound):
        people.get_person(pid)
    people.restore_person(pid)
    assert len(conversations.conversations_with(pid)) == 1


def test_conversation_with_several_participants(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    ben = people.create_person(full_name="Ben Ode")
    cid = conversations.log_conversation(
        participants=[ana, ben], notes="Dinner", depth="personal", tags=["food"]
    )
    view = conversations.get_conversation(cid)
    assert set(view.participant_names) == {"Ana Ruiz", "Ben Ode"}
    assert view.tags == ("food",)
    previous = conversations.set_participants(conversation_id=cid, person_ids=[ana])
    assert set(previous) == {ana, ben}
    assert conversations.conversations_with(ben) == []
    conversations.set_participants(conversation_id=cid, person_ids=[ana, ben])
    assert len(conversations.conversations_with(ben)) == 1
    with pytest.raises(ValueError, match="participant"):
        conversations.log_conversation(participants=[], notes="nobody")
    with pytest.raises(ValueError, match="depth"):
        conversations.log_conversation(participants=[ana], depth="deep")


def test_commitment_lifecycle_and_today_lists(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    late = commitments.make_commitment(
        owner="me", person_id=ana, description="send the deck", due=TODAY - timedelta(days=3)
    )
    soon = commitments.make_commitment(
        owner="me", person_id=ana, description="book a table", due=TODAY + timedelta(days=2)
    )
    theirs = commitments.make_commitment(owner="them", person_id=ana, description="intro to Carl")
    owe = today.what_i_owe(today=TODAY)
    assert [c.id for c in owe] == [late, soon]
    assert owe[0].is_overdue(TODAY) and owe[0].days_late(TODAY) == 3
    assert [c.id for c in today.waiting_on(today=TODAY)] == [theirs]
    before = commitments.keep(late)
    assert before["status"] == "open"
    assert commitments.get_commitment(late).status == "kept"
    commitments.snooze(soon, until=TODAY + timedelta(days=5))
    assert today.what_i_owe(today=TODAY) == []
    assert [c.id for c in today.what_i_owe(today=TODAY + timedelta(days=5))] == [soon]
    commitments.break_(theirs)
    commitments.reopen(theirs)
    assert commitments.get_commitment(theirs).status == "open"
    with pytest.raises(ValueError):
        commitments.make_commitment(owner="us", person_id=ana, description="x")


def test_drifting_people_past_their_cadence(data_dir: Path) -> None:
    close = people.create_person(full_name="Close Friend", circle="close")
    fresh = people.create_person(full_name="Fresh Friend", circle="close")
    people.create_person(full_name="Just Met", circle="acquaintance")
    conversations.log_conversation(participants=[close], happened_at=NOW - timedelta(days=45))
    conversations.log_conversation(participants=[fresh], happened_at=NOW - timedelta(days=3))
    drifting = today.drifting(today=TODAY)
    assert [(d.full_name, d.days_since, d.cadence_days) for d in drifting] == [
        ("Close Friend", 45, 30)
    ]


def test_upcoming_events_and_attendance(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    soon = events.create_event(title="PyCon", starts_at=NOW + timedelta(days=3), place="Berlin")
    events.create_event(title="Old meetup", starts_at=NOW - timedelta(days=30))
    events.create_event(title="Far away", starts_at=NOW + timedelta(days=90))
    attendance = events.add_attendee(event_id=soon, person_id=ana, why="catch up", focus=True)
    assert [e.title for e in today.upcoming_events(now=NOW)] == ["PyCon"]
    listed = events.list_events(now=NOW)
    assert [e.title for e in listed] == ["PyCon", "Far away", "Old meetup"]
    assert listed[0].attendee_count == 1
    assert events.get_event(soon).attendees[0].why == "catch up"
    events.remove_attendee(attendance)
    assert events.get_event(soon).attendees == ()
    # Adding again revives the same deterministic row rather than duplicating it.
    assert events.add_attendee(event_id=soon, person_id=ana) == attendance
    with pytest.raises(ValueError, match="end before"):
        events.create_event(title="Backwards", starts_at=NOW, ends_at=NOW - timedelta(hours=1))
    with pytest.raises(LookupError, match="PyCon"):
        events.resolve_event("PyKon")


def test_timeline_merges_everything_newest_first(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    ben = people.create_person(full_name="Ben Ode")
    conversations.log_conversation(
        participants=[ana], notes="first", happened_at=datetime(2026, 9, 2)
    )
    cid = conversations.log_conversation(
        participants=[ana], notes="second", happened_at=datetime(2026, 11, 1)
    )
    promise = commitments.make_commitment(
        owner="me", person_id=ana, description="send deck", made_at=datetime(2026, 11, 2)
    )
    commitments.keep(promise, when=datetime(2026, 11, 20))
    exchanges.record_exchange(
        person_id=ana, direction="give", kind="advice", happened_at=datetime(2026, 10, 5)
    )
    introductions.record_introduction(
        introducer_id=ben, person_id=ana, happened_at=datetime(2026, 8, 1)
    )
    entries = timeline.timeline_of(ana)
    assert [e.kind for e in entries] == [
        "promise_kept",
        "promise",
        "conversation",
        "exchange",
        "conversation",
        "introduction",
    ]
    assert entries[2].ref_id == cid
    months = [label for label, _ in group_by_month(entries)]
    assert months == ["November 2026", "October 2026", "September 2026", "August 2026"]
    assert people.get_person(ana).introduced_by[0].introducer_name == "Ben Ode"


def test_trust_reading_follows_history(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    start = trust.reading_for(ana, today=TODAY)
    promise = commitments.make_commitment(
        owner="them", person_id=ana, description="send the paper", due=TODAY - timedelta(days=1)
    )
    for day in range(3):
        conversations.log_conversation(
            participants=[ana], depth="personal", happened_at=NOW - timedelta(days=day + 1)
        )
    middle = trust.reading_for(ana, today=TODAY)
    commitments.keep(promise, when=NOW - timedelta(days=2))
    after = trust.reading_for(ana, today=TODAY)
    assert after.in_them > middle.in_them
    assert after.in_them > start.in_them
    bulk = trust.readings_for_all(today=TODAY)
    assert bulk[ana] == after


def test_directory_sorts_and_filters(data_dir: Path) -> None:
    a = people.create_person(full_name="Zed Alpha", circle="inner", tags=["python"])
    b = people.create_person(full_name="Amy Beta", circle="close")
    conversations.log_conversation(participants=[a], happened_at=NOW - timedelta(days=1))
    conversations.log_conversation(participants=[b], happened_at=NOW - timedelta(days=30))
    assert [s.full_name for s in directory.summaries(sort="name")] == ["Amy Beta", "Zed Alpha"]
    assert [s.full_name for s in directory.summaries(sort="last_contact")] == [
        "Zed Alpha",
        "Amy Beta",
    ]
    assert [s.id for s in directory.summaries(tag="python")] == [a]
    assert [s.id for s in directory.summaries(circle="close")] == [b]
    sizes = {c.key: (n, note) for c, n, note in directory.circle_sizes()}
    assert sizes["inner"] == (1, "")
    for i in range(6):
        people.create_person(full_name=f"Inner {i}", circle="inner")
    assert "7 people" in dict((c.key, note) for c, _, note in directory.circle_sizes())["inner"]


def test_resolve_person_explains_unknown_and_ambiguous_names(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    people.create_person(full_name="Sam Lee")
    people.create_person(full_name="Sam Lee")
    assert people.resolve_person("Ana Ruiz") == ana
    assert people.resolve_person(ana) == ana
    assert people.find_people("ana r")[0][1] == "Ana Ruiz"
    with pytest.raises(people.PersonNotFound, match="Ana Ruiz"):
        people.resolve_person("Anna Ruis")
    with pytest.raises(people.AmbiguousPerson, match="several"):
        people.resolve_person("Sam Lee")


def test_listeners_hear_once_per_committed_operation_and_never_on_rollback(data_dir: Path) -> None:
    heard: list[frozenset] = []
    unsubscribe = store.subscribe(heard.append)
    try:
        pid = people.create_person(full_name="Ana Ruiz", tags=["a", "b"])
        assert len(heard) == 1  # one operation, nested writes included
        assert ("person", pid) in heard[0]
        with pytest.raises(ValueError):
            people.update_person(pid, circle="nope")
        assert len(heard) == 1
    finally:
        unsubscribe()
    people.create_person(full_name="After")
    assert len(heard) == 1


def test_bulk_trust_load_never_overwrites_a_newer_write(data_dir: Path, monkeypatch) -> None:
    """The People list loads readings on a worker thread while the user keeps a promise."""
    ana = people.create_person(full_name="Ana Ruiz")
    promise = commitments.make_commitment(
        owner="them", person_id=ana, description="send the paper", due=TODAY - timedelta(days=5)
    )
    real = trust._histories

    def histories_then_a_write(ids):
        result = real(ids)
        if ids is None:  # the bulk load has read its data; now the GUI thread writes
            commitments.keep(promise, when=NOW)
        return result

    monkeypatch.setattr(trust, "_histories", histories_then_a_write)
    stale = trust.readings_for_all(today=TODAY)[ana]
    monkeypatch.setattr(trust, "_histories", real)
    fresh = trust.reading_for(ana, today=TODAY)
    assert fresh.in_them > stale.in_them
    assert any("kept" in reason for reason in fresh.reasons_in_them)


def test_introduction_delete_and_restore_keep_one_row(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    ben = people.create_person(full_name="Ben Ode")
    intro = introductions.record_introduction(introducer_id=ben, person_id=ana)
    introductions.delete_introduction(intro)
    assert people.get_person(ana).introduced_by == ()
    introductions.restore_introduction(intro)
    assert [i.id for i in people.get_person(ana).introduced_by] == [intro]
