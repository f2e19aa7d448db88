"""iCalendar text -> :class:`~desktop.domain.meetings.Meeting`, one per occurrence.

Recurring events are expanded here (``recurring-ical-events``: RRULE, RDATE, EXDATE and
moved occurrences), because servers differ in what their own expansion does. Times with
a zone (a TZID or UTC) are converted to this computer's local time; floating times are
already local; all-day entries are not meetings (a holiday, a conference day) and are
left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop.domain.meetings import Attendee, Meeting, clean_email

#: Vendor properties that carry a video-conference link.
CONFERENCE_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
)


def _local(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone().replace(tzinfo=None)
        return value
    return None  # a date: an all-day entry


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    return " ".join(str(value).split()) if value is not None else ""


def _attendees(component: Any) -> tuple[Attendee, ...]:
    raw = component.get("ATTENDEE")
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    found = []
    for item in items:
        email = clean_email(str(item))
        params = getattr(item, "params", {}) or {}
        if email:
            found.append(
                Attendee(email, str(params.get("CN", "")), str(params.get("PARTSTAT", "")).upper())
            )
    return tuple(found)


def _recurrence_id(component: Any) -> str:
    value = component.get("RECURRENCE-ID")
    moment = getattr(value, "dt", None)
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc)
        return moment.strftime("%Y%m%dT%H%M%S") + ("Z" if moment.tzinfo else "")
    return str(moment or "")


def _recurring_uids(calendar: Any) -> set[str]:
    return {
        str(c.get("UID", ""))
        for c in calendar.walk("VEVENT")
        if c.get("RRULE") is not None
        or c.get("RDATE") is not None
        or c.get("RECURRENCE-ID") is not None
    }


def meetings_in(ics: str, start: datetime, end: datetime, calendar_url: str = "") -> list[Meeting]:
    """Every timed occurrence in [start, end) (local, naive) of the events in ``ics``."""
    import icalendar
    import recurring_ical_events

    try:
        calendar = icalendar.Calendar.from_ical(ics)
    except ValueError:
        return []  # one unreadable object never hides the others
    recurring = _recurring_uids(calendar)
    # Expand with a day's margin either side: the window is local time, the events' zones vary.
    margin = timedelta(days=1)
    found = []
    for component in recurring_ical_events.of(calendar).between(start - margin, end + margin):
        begins = _local(component.get("DTSTART").dt if component.get("DTSTART") else None)
        if begins is None or not start <= begins < end:
            continue
        end_value = component.get("DTEND")
        ends = _local(end_value.dt) if end_value is not None else None
        if ends is None:
            duration = component.get("DURATION")
            ends = begins + (duration.dt if duration is not None else timedelta(hours=1))
        uid = str(component.get("UID", "")) or f"{_text(component, 'SUMMARY')}@{begins}"
        found.append(
            Meeting(
                uid=uid,
                recurring=uid in recurring,
                starts_at=begins.replace(second=0, microsecond=0),
                ends_at=ends.replace(second=0, microsecond=0),
                title=_text(component, "SUMMARY"),
                location=_text(component, "LOCATION"),
                description=str(component.get("DESCRIPTION", "") or ""),
                status=_text(component, "STATUS").upper(),
                has_conference=any(component.get(p) is not None for p in CONFERENCE_PROPERTIES),
                organizer=clean_email(str(component.get("ORGANIZER", "") or "")),
                attendees=_attendees(component),
                calendar=calendar_url,
                recurrence_id=_recurrence_id(component) if uid in recurring else "",
            )
        )
    return found


def meetings_of(
    objects: Iterable[tuple[str, str]], start: datetime, end: datetime
) -> list[Meeting]:
    """All occurrences of many calendar objects, soonest first, each (key) once."""
    seen: dict[str, Meeting] = {}
    for calendar_url, ics in objects:
        for meeting in meetings_in(ics, start, end, calendar_url):
            seen.setdefault(meeting.key, meeting)
    return sorted(seen.values(), key=lambda m: (m.starts_at, m.title))
