"""The pure rules about calendar meetings (desktop.domain.meetings)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.meetings import (
    IN_PERSON,
    MEAL,
    VIDEO,
    Attendee,
    Meeting,
    clean_email,
    is_meeting,
    kind_of,
    others,
)

AT = datetime(2026, 3, 3, 12, 0)
ME = frozenset({"me@example.org"})


def meeting(**fields) -> Meeting:
    values = {"uid": "u1", "recurring": False, "starts_at": AT, "ends_at": AT, "title": "Sync"}
    return Meeting(**{**values, **fields})


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("mailto:Ana@Example.COM", "ana@example.com"),
        ("MAILTO:ben@x.org ", "ben@x.org"),
        (" ana@example.com", "ana@example.com"),
        ("urn:uuid:1234", ""),
        ("", ""),
    ],
)
def test_clean_email(raw: str, clean: str) -> None:
    assert clean_email(raw) == clean


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"location": "Zoom"}, VIDEO),
        ({"location": "Google Meet"}, VIDEO),
        ({"location": "Microsoft Teams Meeting"}, VIDEO),
        ({"description": "Join: https://acme.zoom.us/j/123"}, VIDEO),
        ({"has_conference": True, "title": "Lunch"}, VIDEO),
        ({"title": "Lunch with Ana"}, MEAL),
        ({"title": "Coffee"}, MEAL),
        ({"location": "Dinner at Rosa's"}, MEAL),
        ({"title": "Breakfast"}, MEAL),
        ({"location": "Meeting room 2"}, IN_PERSON),  # a room, not Google Meet
        ({"title": "Quarterly review", "location": "Acme HQ"}, IN_PERSON),
    ],
)
def test_kind_of(fields: dict, kind: str) -> None:
    assert kind_of(meeting(**fields)) == kind


def test_declined_and_cancelled_are_not_meetings() -> None:
    ana = Attendee("ana@example.com", "Ana", "ACCEPTED")
    declined = meeting(attendees=(Attendee("me@example.org", "", "DECLINED"), ana))
    assert not is_meeting(declined, ME)
    assert not is_meeting(meeting(status="CANCELLED", attendees=(ana,)), ME)
    # someone else declining does not cancel the user's meeting
    other_declined = meeting(attendees=(Attendee("ben@x.org", "", "DECLINED"), ana))
    assert is_meeting(other_declined, ME)
    assert others(other_declined, ME) == ["ana@example.com"]


def test_others_leave_out_the_user_and_add_the_organizer_once() -> None:
    m = meeting(
        organizer="ana@example.com",
        attendees=(
            Attendee("me@example.org", "", "ACCEPTED"),
            Attendee("ana@example.com", "", "ACCEPTED"),
            Attendee("ben@x.org", "", "NEEDS-ACTION"),
        ),
    )
    assert others(m, ME) == ["ana@example.com", "ben@x.org"]


def test_keys_tell_occurrences_apart_but_not_a_moved_one_off() -> None:
    one_off = meeting(uid="x")
    moved = meeting(uid="x", starts_at=datetime(2026, 3, 4, 9, 0))
    assert one_off.key == moved.key
    first = meeting(uid="r", recurring=True)
    second = meeting(uid="r", recurring=True, starts_at=datetime(2026, 3, 10, 12, 0))
    assert first.key != second.key
