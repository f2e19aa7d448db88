"""Calendar suggestions against real CalDAV servers (Radicale and Xandikos on 127.0.0.1):
recurring meetings, a declined one, a cancelled one, one in another time zone, unknown
attendees, wrong password, and the user's answers (yes logs once; no is remembered)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop.domain.meetings import IN_PERSON, MEAL, VIDEO
from desktop.services import conversations, events, people
from desktop.services.calendar_sync import account, suggestions
from desktop.services.calendar_sync.errors import CalendarError, WrongPassword
from tests.dav.calendar_data import NEW_YORK_ZONE, calendar, day_at, event, utc
from tests.dav.servers import DavServer

ME = "me@example.org"


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch):
    """This computer's zone is Europe/Berlin for the test (then back to what it was)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield ZoneInfo("Europe/Berlin")
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def network(data_dir):
    ana = people.create_person(full_name="Ana Ruiz")
    people.add_contact_point(person_id=ana, kind="email", value="Ana.Ruiz@Example.com")
    ben = people.create_person(full_name="Ben Okafor")
    people.add_contact_point(person_id=ben, kind="email", value="ben@example.net")
    return {"ana": ana, "ben": ben}


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def _set_up(server: DavServer, calendar_url: str) -> None:
    account.setup(server.base_url, server.user, server.password)
    account.choose([calendar_url])


def test_meetings_become_suggestions(dav_server: DavServer, network, berlin) -> None:
    cal = dav_server.make_calendar("Work")
    lunch = day_at(-3, 11)
    dav_server.put_ics(
        cal,
        calendar(
            event(
                "lunch-1",
                "Lunch with Ana",
                start=f":{utc(lunch)}",
                end=f":{utc(lunch + timedelta(hours=1))}",
                attendees=[(ME, "ACCEPTED"), ("mailto:ANA.RUIZ@example.COM", "ACCEPTED")],
            )
        ),
    )
    weekly = day_at(-20, 8)
    dav_server.put_ics(
        cal,
        calendar(
            event(
                "weekly-ben",
                "1:1 Ben",
                start=f":{utc(weekly)}",
                end=f":{utc(weekly + timedelta(minutes=30))}",
                attendees=[(ME, "ACCEPTED"), ("ben@example.net", "ACCEPTED")],
                lines=["RRULE:FREQ=WEEKLY;COUNT=6", "LOCATION:Zoom"],
            )
        ),
    )
    declined = day_at(-2, 15)
    dav_server.put_ics(
        cal,
        calendar(
            event(
                "declined-1",
                "Strategy offsite",
                start=f":{utc(declined)}",
                end=f":{utc(declined + timedelta(hours=2))}",
                attendees=[(ME, "DECLINED"), ("ana.ruiz@example.com", "ACCEPTED")],
            )
        ),
    )
    cancelled = day_at(-4, 9)
    dav_server.put_ics(
        cal,
        calendar(
            event(
                "cancelled-1",
                "Coffee with Ben",
                start=f":{utc(cancelled)}",
                end=f":{utc(cancelled + timedelta(hours=1))}",
                attendees=[(ME, "ACCEPTED"), ("ben@example.net", "ACCEPTED")],
                lines=["STATUS:CANCELLED"],
            )
        ),
    )
    stranger = day_at(-1, 10)
    dav_server.put_ics(
        cal,
        calendar(
            event(
                "stranger-1",
                "Call with a stranger",
                start=f":{utc(stranger)}",
                end=f":{utc(stranger + timedelta(hours=1))}",
                attendees=[(ME, "ACCEPTED"), ("zed@nowhere.example", "ACCEPTED")],
            )
        ),
    )
    # 09:00 in New York, five days ahead: 15:00 in Berlin (14:00 when only one has DST).
    ny_day = (datetime.now(timezone.utc) + timedelta(days=5)).astimezone(
        ZoneInfo("America/New_York")
    )
    ny_start = ny_day.replace(hour=9, minute=0, second=0, microsecond=0)
    stamp = ny_start.strftime("%Y%m%dT%H%M%S")
    stamp_end = (ny_start + timedelta(hours=1)).strftime("%Y%m%dT%H%M%S")
    dav_server.put_ics(
        cal,
        calendar(
            event(
                "ny-1",
                "Board prep",
                start=f";TZID=America/New_York:{stamp}",
                end=f";TZID=America/New_York:{stamp_end}",
                attendees=[(ME, "ACCEPTED"), ("ana.ruiz@example.com", "NEEDS-ACTION")],
                lines=["LOCATION:Acme HQ, 5th floor"],
            ),
            zones=NEW_YORK_ZONE,
        ),
    )
    _set_up(dav_server, cal)

    found = suggestions.suggestions()

    by_title: dict[str, list[suggestions.Suggestion]] = {}
    for s in found:
        by_title.setdefault(s.title, []).append(s)
    assert set(by_title) == {"Lunch with Ana", "1:1 Ben", "Board prep"}
    (lunch_s,) = by_title["Lunch with Ana"]
    assert (lunch_s.when, lunch_s.kind, lunch_s.person_ids) == (
        suggestions.PAST,
        MEAL,
        (network["ana"],),
    )
    assert lunch_s.starts_at == _local(lunch, berlin)
    weekly_s = by_title["1:1 Ben"]
    assert [s.when for s in weekly_s].count(suggestions.PAST) == 3
    assert [s.when for s in weekly_s].count(suggestions.UPCOMING) == 3
    assert len({s.key for s in weekly_s}) == 6  # each occurrence is its own meeting
    assert {s.kind for s in weekly_s} == {VIDEO}
    assert sorted(s.starts_at for s in weekly_s) == [
        _local(weekly + timedelta(weeks=n), berlin) for n in range(6)
    ]
    (board,) = by_title["Board prep"]
    assert board.when == suggestions.UPCOMING and board.kind == IN_PERSON
    assert board.starts_at == _local(ny_start, berlin)
    assert board.starts_at != ny_start.replace(tzinfo=None)  # converted, not copied
    # past ones first (newest first), then upcoming (soonest first)
    whens = [s.when for s in found]
    assert whens == sorted(whens, key=lambda w: w != suggestions.PAST)


def test_yes_logs_one_conversation_and_no_is_remembered(dav_server: DavServer, network) -> None:
    cal = dav_server.make_calendar("Answers")
    first, second = day_at(-6, 12), day_at(-5, 9)
    for uid, title, moment in (("a-1", "Dinner with Ana", first), ("b-1", "Catch-up", second)):
        dav_server.put_ics(
            cal,
            calendar(
                event(
                    uid,
                    title,
                    start=f":{utc(moment)}",
                    end=f":{utc(moment + timedelta(hours=1))}",
                    attendees=[
                        (ME, "ACCEPTED"),
                        ("ana.ruiz@example.com", "ACCEPTED"),
                        ("ben@example.net", "TENTATIVE"),
                    ],
                )
            ),
        )
    _set_up(dav_server, cal)
    found = {s.title: s for s in suggestions.suggestions()}
    assert conversations.conversations_with(network["ana"]) == []  # nothing without a yes

    dinner = found["Dinner with Ana"]
    assert set(dinner.person_ids) == {network["ana"], network["ben"]}
    conversation_id = suggestions.accept(dinner)
    suggestions.dismiss(found["Catch-up"])

    logged = conversations.conversations_with(network["ana"])
    assert [c.id for c in logged] == [conversation_id]
    assert logged[0].kind == MEAL and logged[0].title == "Dinner with Ana"
    assert set(logged[0].participant_ids) == {network["ana"], network["ben"]}
    assert suggestions.suggestions() == []  # neither is offered again
    # A second yes (say, from a second window) does not log it twice.
    assert suggestions.accept(dinner) == conversation_id
    assert len(conversations.conversations_with(network["ana"])) == 1


def test_an_upcoming_meeting_becomes_an_event(dav_server: DavServer, network) -> None:
    cal = dav_server.make_calendar("Ahead")
    moment = day_at(3, 14)
    dav_server.put_ics(
        cal,
        calendar(
            event(
                "ahead-1",
                "Partner review",
                start=f":{utc(moment)}",
                end=f":{utc(moment + timedelta(hours=1))}",
                attendees=[(ME, "ACCEPTED"), ("ben@example.net", "ACCEPTED")],
                lines=["LOCATION:Acme HQ"],
            )
        ),
    )
    _set_up(dav_server, cal)
    (upcoming,) = suggestions.suggestions()
    assert upcoming.when == suggestions.UPCOMING
    event_id = suggestions.make_event(upcoming)
    made = events.get_event(event_id)
    assert (made.title, made.place, made.starts_at) == (
        "Partner review",
        "Acme HQ",
        upcoming.starts_at,
    )
    assert [a.person_id for a in made.attendees] == [network["ben"]]
    assert suggestions.suggestions() == []
    assert suggestions.make_event(upcoming) == event_id  # asked twice: still one event
    assert len(events.list_events()) == 1
    # Once it has happened: "did you meet?" again, and a yes is linked to the event.
    later = upcoming.ends_at + timedelta(minutes=5)
    mine = account.require().my_addresses
    (after,) = suggestions.suggest(suggestions.fetch_meetings(), now=later, my_addresses=mine)
    assert (after.when, after.event_id) == (suggestions.PAST, event_id)
    conversation_id = suggestions.accept(after)
    assert conversations.get_conversation(conversation_id).event_id == event_id
    assert suggestions.suggest(suggestions.fetch_meetings(), now=later, my_addresses=mine) == []


def test_a_wrong_password_is_a_clear_error_and_keeps_nothing(radicale: DavServer, data_dir):
    with pytest.raises(WrongPassword) as caught:
        account.setup(radicale.base_url, radicale.user, "not-the-password")
    assert "refused the user name or password" in str(caught.value)
    assert account.load() is None


def test_a_bare_host_is_found_through_well_known(dav_server: DavServer, data_dir) -> None:
    dav_server.make_calendar("Found")
    bare = dav_server.base_url.rstrip("/")  # http://127.0.0.1:PORT, no path
    kept = account.setup(bare, dav_server.user, dav_server.password)
    assert "Found" in [c.name for c in kept.calendars]
    assert ME in kept.my_addresses


def test_a_server_that_is_down_is_temporary(data_dir) -> None:
    from tests.sync.servers import free_port

    with pytest.raises(CalendarError) as caught:
        account.setup(f"http://127.0.0.1:{free_port()}/dav/", ME, "x")
    assert caught.value.retry and "cannot be reached" in str(caught.value)


def test_the_password_is_not_logged(
    radicale: DavServer, data_dir, caplog: pytest.LogCaptureFixture
) -> None:
    import base64
    import logging

    caplog.set_level(logging.DEBUG)
    cal = radicale.make_calendar("Logged")
    _set_up(radicale, cal)
    suggestions.suggestions()
    basic = base64.b64encode(f"{radicale.user}:{radicale.password}".encode()).decode()
    assert caplog.records  # the test saw the logging it checks
    assert radicale.password not in caplog.text
    assert basic not in caplog.text
    state = (data_dir / "calendar.json").read_text(encoding="utf-8")
    assert radicale.password not in state and radicale.user in state


def test_one_occurrence_moved_declined_or_excluded(dav_server: DavServer, network) -> None:
    """A weekly series: week 1 moved two hours (still the same occurrence), week 2
    declined by the user for that week only, week 3 excluded (EXDATE)."""
    cal = dav_server.make_calendar("Series")
    first = day_at(-28, 9)
    week = timedelta(weeks=1)
    master = event(
        "series-1",
        "Mentoring Ben",
        start=f":{utc(first)}",
        end=f":{utc(first + timedelta(hours=1))}",
        attendees=[(ME, "ACCEPTED"), ("ben@example.net", "ACCEPTED")],
        lines=["RRULE:FREQ=WEEKLY;COUNT=4", f"EXDATE:{utc(first + 3 * week)}"],
    )
    moved = event(
        "series-1",
        "Mentoring Ben",
        start=f":{utc(first + week + timedelta(hours=2))}",
        end=f":{utc(first + week + timedelta(hours=3))}",
        attendees=[(ME, "ACCEPTED"), ("ben@example.net", "ACCEPTED")],
        lines=[f"RECURRENCE-ID:{utc(first + week)}"],
    )
    declined = event(
        "series-1",
        "Mentoring Ben",
        start=f":{utc(first + 2 * week)}",
        end=f":{utc(first + 2 * week + timedelta(hours=1))}",
        attendees=[(ME, "DECLINED"), ("ben@example.net", "ACCEPTED")],
        lines=[f"RECURRENCE-ID:{utc(first + 2 * week)}"],
    )
    dav_server.put_ics(cal, calendar(master, moved, declined))
    _set_up(dav_server, cal)
    found = sorted(suggestions.suggestions(), key=lambda s: s.starts_at)
    local = [s.starts_at for s in found]
    assert local == [
        first.astimezone().replace(tzinfo=None),
        (first + week + timedelta(hours=2)).astimezone().replace(tzinfo=None),
    ]
    # the moved occurrence is known by its RECURRENCE-ID: its original start
    assert found[1].key == f"series-1|{utc(first + week)}"
    suggestions.dismiss(found[1])
    assert [s.key for s in suggestions.suggestions()] == [found[0].key]
