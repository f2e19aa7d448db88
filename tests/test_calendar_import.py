"""Importing an .ics invitation: matching attendees, one-transaction writes, re-imports."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from fixtures.briefing_network import build_network

FIXTURE = Path(__file__).parent / "fixtures" / "harbour_summit.ics"


def _ics(*event_lines: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", "BEGIN:VEVENT"]
    lines += [*event_lines, "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode()


def _counts() -> tuple[int, int, int]:
    from desktop.storage.models import Attendance, Event, Person

    return (
        Person.select().where(Person.deleted == False).count(),
        Event.select().where(Event.deleted == False).count(),
        Attendance.select().where(Attendance.deleted == False).count(),
    )


@pytest.fixture
def network(data_dir: Path):
    return build_network()


def test_preview_reads_the_event_and_writes_nothing(network) -> None:
    from desktop.services.calendar_import import preview_invite

    before = _counts()
    preview = preview_invite(FIXTURE)
    event = preview.event
    assert event.title == "Harbour Summit 2031"
    assert event.starts_at == datetime(2031, 3, 5, 9, 0)
    assert event.ends_at == datetime(2031, 3, 5, 17, 0)
    assert event.place == "Pier 4, Lisbon"
    assert "Bring shoes." in event.notes
    assert event.uid == "harbour-summit-2031@example.org"
    assert preview.source == "harbour_summit.ics"
    assert preview.existing_event_id is None
    assert preview.declined == 1  # Quentin said no
    assert _counts() == before


def test_matching_by_email_then_fuzzy_name_and_the_rest_unmatched(network) -> None:
    from desktop.services.calendar_import import preview_invite

    preview = preview_invite(FIXTURE)
    by_person = {m.person_id: m for m in preview.matched}
    # Email, case-insensitively, although the invite calls her "Ana R.".
    assert by_person[network.ana].how == "email"
    assert by_person[network.ana].attendee.email == "ana.ruiz@acme.example"
    # "Cleo Parks" is close enough to exactly one person, Cleo Park.
    assert by_person[network.cleo].how.startswith("name (")
    assert len(preview.matched) == 2
    unmatched = {a.name: a for a in preview.unmatched}
    assert set(unmatched) == {"Nadia Novak", "Sam Lee", "Olga Organiser"}
    assert unmatched["Nadia Novak"].email == "nadia@novak.example"  # "Novak, Nadia" turned
    assert unmatched["Sam Lee"].name_from_email
    assert unmatched["Olga Organiser"].organizer


def test_a_name_shared_by_two_people_is_not_guessed(network) -> None:
    from desktop.services import people
    from desktop.services.calendar_import import preview_invite

    people.create_person(full_name="Ana Ruiz", organization="Other Ana Inc")
    preview = preview_invite(
        _ics(
            "UID:x",
            "DTSTART:20310101T100000",
            "SUMMARY:Tea",
            "ATTENDEE;CN=Ana Ruiz:mailto:unknown@else.example",
        )
    )
    assert preview.matched == ()
    (attendee,) = preview.unmatched
    assert {name for _, name in preview.maybe[attendee.key]} == {"Ana Ruiz"}
    assert len(preview.maybe[attendee.key]) == 2


def test_a_distant_name_is_not_matched(network) -> None:
    from desktop.services.calendar_import import preview_invite

    preview = preview_invite(
        _ics(
            "UID:x",
            "DTSTART:20310101T100000",
            "SUMMARY:Tea",
            "ATTENDEE;CN=Anneliese Rutherford:mailto:ar@else.example",
        )
    )
    assert preview.matched == ()
    assert [a.name for a in preview.unmatched] == ["Anneliese Rutherford"]


def test_apply_creates_the_event_attendees_and_chosen_people(network) -> None:
    from desktop.services import events, people
    from desktop.services.calendar_import import apply_invite, preview_invite

    persons, count_events, _ = _counts()
    result = apply_invite(preview_invite(FIXTURE), create_unmatched={"nadia@novak.example"})
    assert result.created_event
    assert [name for _, name in result.people_created] == ["Nadia Novak"]
    assert result.attendees_added == 3
    assert _counts()[:2] == (persons + 1, count_events + 1)
    event = events.get_event(result.event_id)
    assert event.title == "Harbour Summit 2031" and event.place == "Pier 4, Lisbon"
    assert sorted(a.person_name for a in event.attendees) == [
        "Ana Ruiz",
        "Cleo Park",
        "Nadia Novak",
    ]
    nadia = people.get_person(result.people_created[0][0])
    assert [(c.kind, c.value) for c in nadia.contact_points] == [("email", "nadia@novak.example")]


def test_create_unmatched_true_adds_everyone(network) -> None:
    from desktop.services.calendar_import import apply_invite, preview_invite

    result = apply_invite(preview_invite(FIXTURE), create_unmatched=True)
    assert sorted(name for _, name in result.people_created) == [
        "Nadia Novak",
        "Olga Organiser",
        "Sam Lee",
    ]
    assert result.attendees_added == 5


def test_reimport_completes_and_never_duplicates(network) -> None:
    from desktop.services import events
    from desktop.services.calendar_import import apply_invite, preview_invite

    first = apply_invite(preview_invite(FIXTURE), create_unmatched={"Nadia Novak"})
    events.update_event(first.event_id, notes="My own notes")
    ana = next(a for a in events.get_event(first.event_id).attendees if a.person_name == "Ana Ruiz")
    events.update_attendance(ana.id, focus=True, why="seed search", status="met")
    before = _counts()

    again = preview_invite(FIXTURE)
    assert again.existing_event_id == first.event_id
    assert {m.attendee.name for m in again.matched} >= {"Nadia Novak"}  # now known by email
    result = apply_invite(again, create_unmatched=False)
    assert result.event_id == first.event_id
    assert not result.created_event
    assert result.attendees_added == 0
    assert _counts() == before
    event = events.get_event(first.event_id)
    assert event.notes == "My own notes"  # what the user typed is never overwritten
    ana_now = next(a for a in event.attendees if a.person_name == "Ana Ruiz")
    assert (ana_now.focus, ana_now.why, ana_now.status) == (True, "seed search", "met")


def test_the_apply_is_one_transaction(network, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services import calendar_import, events

    preview = calendar_import.preview_invite(FIXTURE)
    before = _counts()
    calls = {"n": 0}
    real = events.add_attendee

    def failing(**kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(calendar_import.events, "add_attendee", failing)
    with pytest.raises(RuntimeError):
        calendar_import.apply_invite(preview, create_unmatched=True)
    assert _counts() == before


def test_utc_and_all_day_times(data_dir: Path) -> None:
    from desktop.services.calendar_import import preview_invite

    utc = preview_invite(
        _ics("UID:u", "DTSTART:20310101T100000Z", "DTEND:20310101T110000Z", "SUMMARY:Call")
    )
    local = datetime(2031, 1, 1, 10, tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
    assert utc.event.starts_at == local
    day = preview_invite(
        _ics("UID:d", "DTSTART;VALUE=DATE:20310102", "DTEND;VALUE=DATE:20310103", "SUMMARY:Retreat")
    )
    assert day.event.starts_at == datetime(2031, 1, 2, 0, 0)
    assert day.event.ends_at == datetime(2031, 1, 2, 23, 59)
    lasting = preview_invite(
        _ics("UID:l", "DTSTART:20310101T100000", "DURATION:PT90M", "SUMMARY:Walk")
    )
    assert lasting.event.ends_at == datetime(2031, 1, 1, 11, 30)


def test_several_events_in_one_calendar(data_dir: Path) -> None:
    from desktop.services.calendar_import import preview_invites

    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20310101T100000\r\nSUMMARY:One\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20310102T100000\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    previews = preview_invites(text)
    assert [p.event.title for p in previews] == ["One", "Untitled event"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, this is not a calendar", "not an iCalendar file"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "holds no event"),
        (_ics("UID:x", "SUMMARY:No start"), "'No start': has no start (DTSTART)"),
        (_ics("UID:x", "SUMMARY:Bad", "DTSTART:2031XX"), "DTSTART '2031XX' is not a date"),
        (
            _ics("UID:x", "SUMMARY:Back", "DTSTART:20310102T100000", "DTEND:20310101T100000"),
            "ends (DTEND) before it starts",
        ),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:cut off", "could not be read"),
    ],
)
def test_malformed_files_get_a_clear_message(
    data_dir: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    from desktop.services.calendar_import import preview_invite

    path = tmp_path / "invite.ics"
    path.write_bytes(content)
    with pytest.raises(ValueError) as caught:
        preview_invite(path)
    assert str(caught.value).startswith("invite.ics")
    assert message in str(caught.value)


def test_a_missing_file_names_the_path(data_dir: Path, tmp_path: Path) -> None:
    from desktop.services.calendar_import import preview_invite

    with pytest.raises(ValueError, match="cannot read the file"):
        preview_invite(tmp_path / "nowhere.ics")
