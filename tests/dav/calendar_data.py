"""iCalendar test events, built relative to now so they fall in the suggestion window."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

NEW_YORK_ZONE = """BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:STANDARD
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
END:DAYLIGHT
END:VTIMEZONE
"""


def utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def day_at(days: int, hour: int) -> datetime:
    """A UTC moment ``days`` from today at ``hour``:00 UTC."""
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=days, hours=hour)


def calendar(*events: str, zones: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Rapport tests//EN\n"
        + zones
        + "".join(events)
        + "END:VCALENDAR\n"
    )


def _mailto(email: str) -> str:
    return email if email.lower().startswith("mailto:") else f"mailto:{email}"


def _name(email: str) -> str:
    return email.split(":")[-1].split("@")[0].replace(".", " ").title()


def event(
    uid: str,
    title: str,
    *,
    start: str,
    end: str,
    attendees: list[tuple[str, str]] = (),  # type: ignore[assignment]
    lines: list[str] = (),  # type: ignore[assignment]
) -> str:
    """``start``/``end`` are full property lines' values, e.g. ``:20261201T100000Z`` or
    ``;TZID=America/New_York:20261201T090000``."""
    people = "".join(
        f"ATTENDEE;CN={_name(email)};PARTSTAT={partstat}:{_mailto(email)}\n"
        for email, partstat in attendees
    )
    extra = "".join(f"{line}\n" for line in lines)
    return (
        "BEGIN:VEVENT\n"
        f"UID:{uid}\nDTSTAMP:20260101T000000Z\n"
        f"DTSTART{start}\nDTEND{end}\nSUMMARY:{title}\n"
        f"{people}{extra}"
        "END:VEVENT\n"
    )
