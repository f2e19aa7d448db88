"""Saving a capture: people, ONE conversation, promises and introductions in ONE
transaction; names resolved exact-then-confident-fuzzy; drafts that survive; and the
property that the notes are stored verbatim, whatever was typed."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.capture.corrections import Corrections
from desktop.services import (
    capture,
    commitments,
    conversations,
    drafts,
    events,
    introductions,
    people,
    store,
)
from desktop.storage.models import Attendance, Conversation, Person

NOW = datetime(2026, 11, 25, 18, 0)
EXAMPLE = (
    "Met Ana Ruiz (Acme) at PyCon — kids love sailing. I'll send her the deck by Friday. "
    "She'll intro me to Ben Ode. #python"
)


def live_people() -> list[str]:
    return sorted(
        name for (name,) in Person.select(Person.full_name).where(~Person.deleted).tuples()
    )


# ------------------------------------------------------------------------ names


def test_match_names_exact_then_unique_confident_fuzzy_else_new(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme")
    people.create_person(full_name="Benjamin Franklin")
    found = capture.match_names(["ana ruiz", "Ana R", "ana r", "Ben", "Zoë Quist", "Ana Ruis"])
    assert found["ana ruiz"].person_id == ana  # exact, ignoring case
    assert found["ana r"].person_id == ana  # fuzzy: "ana r" finds Ana Ruiz
    assert found["ana r"].organization == "Acme"
    assert found["ben"].person_id is None  # a lone "Ben" is not Benjamin…
    assert [c.name for c in found["ben"].candidates] == ["Benjamin Franklin"]  # …but offered
    assert found["zoë quist"].person_id is None and found["zoë quist"].name == "Zoë Quist"
    typo = found["ana ruis"]  # scores 87.5 < 90: offered, not taken
    assert (typo.person_id, [c.id for c in typo.candidates]) == (None, [ana])


def test_two_people_with_the_same_name_are_never_picked_silently(data_dir: Path) -> None:
    a = people.create_person(full_name="Ana Ruiz", organization="Acme")
    b = people.create_person(full_name="Ana Ruiz", organization="Globex")
    match = capture.match_names(["Ana Ruiz"])["ana ruiz"]
    assert match.person_id is None
    assert {(c.id, c.organization) for c in match.candidates} == {(a, "Acme"), (b, "Globex")}
    suggestions = capture.suggest_people("ana r")
    assert {s.organization for s in suggestions} == {"Acme", "Globex"}


# ------------------------------------------------------------------------ saving


def test_a_note_saves_people_one_conversation_promises_in_one_commit(data_dir: Path) -> None:
    ben = people.create_person(full_name="Ben Ode")
    batches: list[frozenset[tuple[str, str]]] = []
    unsubscribe = store.subscribe(batches.append)
    try:
        _parse, plan = capture.prepare_note(EXAMPLE, now=NOW)
        result = capture.save_capture(plan)
    finally:
        unsubscribe()
    assert len(batches) == 1  # one transaction, announced once, after the commit
    entities = {entity for entity, _ in batches[0]}
    assert {"person", "conversation", "participant", "commitment", "tag"} <= entities
    assert [(p.name, p.new) for p in result.people] == [("Ana Ruiz", True)]
    ana = result.people[0].id
    card = people.get_person(ana)
    assert (card.organization, card.how_we_met) == ("Acme", "PyCon")
    (conversation,) = conversations.conversations_with(ana)
    assert conversation.id == result.conversation_id
    assert conversation.notes == EXAMPLE
    assert (conversation.place, conversation.tags) == ("PyCon", ("python",))
    assert conversation.happened_at == NOW
    promises = {(c.owner, c.description, c.due) for c in commitments.commitments_with(ana)}
    assert promises == {
        ("me", "send her the deck", date(2026, 11, 27)),
        ("them", "intro me to Ben Ode", None),
    }
    assert all(
        c.conversation_id == result.conversation_id for c in commitments.commitments_with(ana)
    )
    assert commitments.commitments_with(ben) == []  # Ben is only named in her promise


def test_saving_twice_reuses_people_and_fills_a_blank_organization(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    _parse, plan = capture.prepare_note("Lunch with ana r from Globex.", now=NOW, who=["ana r"])
    result = capture.save_capture(plan)
    assert [(p.id, p.new) for p in result.people] == [(ana, False)]
    assert people.get_person(ana).organization == "Globex"
    _parse, plan = capture.prepare_note("Met Ana Ruiz from Initech.", now=NOW)
    capture.save_capture(plan)
    assert people.get_person(ana).organization == "Globex"  # never overwritten
    assert live_people() == ["Ana Ruiz"]


def test_several_participants_make_one_conversation(data_dir: Path) -> None:
    text = "Coffee with Ana Ruiz and Ben Ode. Ben will send the slides next week."
    _parse, plan = capture.prepare_note(text, now=NOW, who=["Carla Gomez"])
    result = capture.save_capture(plan)
    conversation = conversations.get_conversation(result.conversation_id)
    assert sorted(conversation.participant_names) == ["Ana Ruiz", "Ben Ode", "Carla Gomez"]
    assert Conversation.select().count() == 1
    (promise,) = result.promises
    assert (promise.owner, promise.person_name, promise.due) == (
        "them",
        "Ben Ode",
        date(2026, 11, 30),
    )


def test_done_introduction_is_recorded_with_the_introducer(data_dir: Path) -> None:
    text = "Met Ana Ruiz at the meetup. Ana introduced me to Carl Young."
    _parse, plan = capture.prepare_note(text, now=NOW)
    result = capture.save_capture(plan)
    (intro,) = result.introductions
    assert (intro.introducer, intro.person, intro.to) == ("Ana Ruiz", "Carl Young", None)
    carl = next(p for p in result.people if p.name == "Carl Young")
    assert carl.participant  # introduced in person: met (tests/fixtures/capture/README.md)
    (view,) = people.introductions_to(carl.id)
    assert view.introducer_name == "Ana Ruiz"
    assert introductions  # the service module used by save_capture


def test_a_plan_with_problems_writes_nothing(data_dir: Path) -> None:
    _parse, plan = capture.prepare_note("I'll send the deck.", now=NOW)
    with pytest.raises(capture.CaptureError) as caught:
        capture.save_capture(plan)
    assert [p.code for p in caught.value.problems] == ["no_person", "promise_without_person"]
    assert Conversation.select().count() == 0


def test_a_failure_midway_rolls_everything_back_and_keeps_the_draft(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts.save(drafts.CAPTURE, {"notes": EXAMPLE})
    _parse, plan = capture.prepare_note(EXAMPLE, now=NOW)

    def broken(**_kwargs: object) -> str:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(capture.commitments, "make_commitment", broken)
    with pytest.raises(RuntimeError):
        capture.save_capture(plan, clear_draft=drafts.CAPTURE)
    assert live_people() == []
    assert Conversation.select().count() == 0
    assert drafts.load(drafts.CAPTURE) == {"notes": EXAMPLE}


def test_clear_draft_happens_in_the_same_commit(data_dir: Path) -> None:
    drafts.save(drafts.CAPTURE, {"notes": EXAMPLE})
    _parse, plan = capture.prepare_note(EXAMPLE, now=NOW)
    capture.save_capture(plan, clear_draft=drafts.CAPTURE)
    assert drafts.load(drafts.CAPTURE) is None


def test_event_conversation_marks_attendance_met_and_keeps_why(data_dir: Path) -> None:
    event = events.create_event(title="PyCon Berlin", starts_at=NOW)
    ana = people.create_person(full_name="Ana Ruiz")
    events.add_attendee(event_id=event, person_id=ana, why="ask about hiring", focus=True)
    _parse, plan = capture.prepare_note(
        "Great chat with Ana Ruiz and Ben Ode.", now=NOW, event_id=event
    )
    result = capture.save_capture(plan)
    conversation = conversations.get_conversation(result.conversation_id)
    assert (conversation.event_id, conversation.event_title) == (event, "PyCon Berlin")
    rows = {a.person_name: (a.status, a.why, a.focus) for a in events.get_event(event).attendees}
    assert rows == {
        "Ana Ruiz": ("met", "ask about hiring", True),
        "Ben Ode": ("met", "", False),
    }
    assert Attendance.select().count() == 2
    ben = next(p for p in result.people if p.name == "Ben Ode")
    assert people.get_person(ben.id).how_we_met == "PyCon Berlin"


def test_corrections_are_what_gets_saved(data_dir: Path) -> None:
    text = "Met Ana Ruiz. I'll send her the deck by Friday. #python #hiring"
    _parse, plan = capture.prepare_note(text, now=NOW)
    key = plan.promises[0].key
    fixes = Corrections(
        dropped={"tag:hiring"},
        promises={key: {"due": "2026-12-04", "owner": "them", "description": "send me the deck"}},
    )
    _parse, plan = capture.prepare_note(text, now=NOW, corrections=fixes)
    result = capture.save_capture(plan)
    (promise,) = result.promises
    assert (promise.owner, promise.description, promise.due) == (
        "them",
        "send me the deck",
        date(2026, 12, 4),
    )
    assert result.tags == ("python",)


def test_a_person_deleted_meanwhile_stops_the_save(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    _parse, plan = capture.prepare_note("Met Ana Ruiz.", now=NOW)
    people.delete_person(ana)
    with pytest.raises(people.PersonNotFound):
        capture.save_capture(plan)
    assert Conversation.select().count() == 0


# ------------------------------------------------------------------------ property


TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.sampled_from(
            ["Met", "Ana Ruiz", "Ben", "I'll", "She'll", "send", "her", "by Friday", "#tag",
             "(Acme)", "at PyCon", "\n", "—", "😀", "\x00", "'", "intro me to", "Zoë", " "]
        ),
        max_size=30,
    ).map(" ".join),
)  # fmt: skip


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXT)
def test_property_saved_notes_are_exactly_the_input(data_dir: Path, text: str) -> None:
    """Whatever is typed, the conversation stores every character, unchanged."""
    _parse, plan = capture.prepare_note(text, now=NOW, who=["Ana Ruiz"], corrections=Corrections())
    fixes = Corrections(dropped={f"promise:{p.key}" for p in plan.promises if p.person_key is None})
    _parse, plan = capture.prepare_note(text, now=NOW, who=["Ana Ruiz"], corrections=fixes)
    result = capture.save_capture(plan)
    stored = Conversation.get_by_id(result.conversation_id).notes
    assert stored == text
    assert conversations.get_conversation(result.conversation_id).notes == text


# ------------------------------------------------------------------------ drafts


def test_drafts_save_load_replace_clear_and_peek(data_dir: Path) -> None:
    assert drafts.load("capture") is None
    drafts.save("capture", {"notes": "Met Ana", "who": ""})
    drafts.save("capture", {"notes": "Met Ana Ruiz 😀\n", "who": "ana"})
    assert drafts.load("capture") == {"notes": "Met Ana Ruiz 😀\n", "who": "ana"}
    assert drafts.saved_at("capture") is not None
    assert drafts.peek(data_dir, "capture") == {"notes": "Met Ana Ruiz 😀\n", "who": "ana"}
    drafts.save("other", {"notes": "x"})
    drafts.clear("capture")
    assert drafts.load("capture") is None
    assert drafts.load("other") == {"notes": "x"}


def test_peek_reads_without_opening_the_store(tmp_path: Path, data_dir: Path) -> None:
    drafts.save("capture", {"notes": "kept"})
    store.close_store()
    try:
        assert drafts.peek(data_dir, "capture") == {"notes": "kept"}
        assert drafts.peek(tmp_path / "nowhere", "capture") is None
        junk = tmp_path / "junk"
        junk.mkdir()
        (junk / "rapport.sqlite3").write_bytes(b"not a database at all")
        assert drafts.peek(junk, "capture") is None
    finally:
        store.open_store(data_dir)


def test_a_damaged_draft_comes_back_as_its_words(data_dir: Path) -> None:
    path = data_dir / "rapport.sqlite3"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT OR REPLACE INTO draft (key, content, saved_at) VALUES (?, ?, ?)",
            ("capture", "Met Ana {not json", "2026-11-25 18:00:00"),
        )
    connection.close()
    assert drafts.load("capture") == {"notes": "Met Ana {not json"}


def test_draft_durability_setting_is_restored(data_dir: Path) -> None:
    from desktop.storage.models import database

    drafts.save("capture", {"notes": "x"})
    assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again


# ------------------------------------------------------- a note without people, place vs event


def test_a_note_naming_nobody_keeps_its_plan_and_is_completed_with_a_chosen_person(
    data_dir: Path,
) -> None:
    text = "promised to send her the deck by Friday; she'll intro me to Raj"
    _parse, plan = capture.prepare_note(text, now=NOW)
    assert capture.needs_person(plan)
    assert plan.notes == text  # the note is kept whole, nothing dropped
    assert [p.description for p in plan.promises] == ["send her the deck", "intro me to Raj"]
    assert Conversation.select().count() == 0
    _parse, completed = capture.with_person(text, "Lina Haas", now=NOW)
    assert not capture.needs_person(completed) and completed.problems == ()
    result = capture.save_capture(completed)
    assert [(p.owner, p.person_name, p.due) for p in result.promises] == [
        ("me", "Lina Haas", date(2026, 11, 27)),
        ("them", "Lina Haas", None),
    ]
    assert conversations.get_conversation(result.conversation_id).notes == text


def test_understood_lists_what_a_refused_note_said() -> None:
    from desktop.domain.capture.parser import parse_capture

    parse = parse_capture("promised to send her the deck by Friday at the meetup", now=NOW)
    lines = capture.understood(parse)
    assert any(
        line.startswith("promise: you promised someone: send her the deck") for line in lines
    )
    assert any("Fri 27 Nov 2026" in line for line in lines)


def test_a_place_in_the_note_wins_over_an_event_only_prefilled_for_today(data_dir: Path) -> None:
    event = events.create_event(title="Team offsite", starts_at=NOW)
    text = "Coffee with Ana Ruiz at the robotics meetup."
    _parse, prefilled = capture.prepare_note(text, now=NOW, event_id=event, event_chosen=False)
    assert (prefilled.event_id, prefilled.place) == (None, "robotics meetup")
    _parse, chosen = capture.prepare_note(text, now=NOW, event_id=event)  # the user chose it
    assert (chosen.event_id, chosen.place) == (event, "")
    _parse, no_place = capture.prepare_note(
        "Coffee with Ana Ruiz.", now=NOW, event_id=event, event_chosen=False
    )
    assert no_place.event_id == event  # nothing in the note to prefer: the event stays


def test_each_person_gets_their_own_organization(data_dir: Path) -> None:
    text = "Lunch with Ana Ruiz (Acme) and Ben Ode (Initech)."
    _parse, plan = capture.prepare_note(text, now=NOW)
    capture.save_capture(plan)
    orgs = dict(Person.select(Person.full_name, Person.organization).tuples())
    assert orgs == {"Ana Ruiz": "Acme", "Ben Ode": "Initech"}
