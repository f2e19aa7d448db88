"""Events and attendance (who I expect or met there, why, and whom to focus on)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from peewee import JOIN, fn

from desktop.domain.records import AttendanceView, EventView
from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import ATTENDANCE_STATUSES, Attendance, Event, Person, link_id

EVENT_FIELDS = ("title", "starts_at", "ends_at", "place", "notes", "goals")


def _check(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown event field(s): {', '.join(sorted(unknown))}")
    if "title" in values:
        values["title"] = " ".join(str(values["title"]).split())
        if not values["title"]:
            raise ValueError("an event needs a title")
    for key in ("starts_at", "ends_at"):
        if isinstance(values.get(key), datetime):
            values[key] = values[key].replace(microsecond=0)
    start, end = values.get("starts_at"), values.get("ends_at")
    if start and end and end < start:
        raise ValueError("an event cannot end before it starts")
    return values


@operation
def create_event(*, title: str, starts_at: datetime | None = None, **fields: Any) -> str:
    return journal.save(Event, None, _check({"title": title, "starts_at": starts_at, **fields}))


@operation
def update_event(event_id: str, **fields: Any) -> dict[str, Any]:
    row = Event.get_by_id(event_id)
    values = _check(dict(fields))
    before = {name: getattr(row, name) for name in values}
    journal.save(Event, event_id, values)
    return before


@operation
def delete_event(event_id: str) -> None:
    journal.delete(Event, event_id)


@operation
def restore_event(event_id: str) -> None:
    journal.restore(Event, event_id)


@operation
def add_attendee(
    *, event_id: str, person_id: str, status: str = "expected", why: str = "", focus: bool = False
) -> str:
    """Add (or bring back) a person to an event; the row id is the same on every device."""
    if status not in ATTENDANCE_STATUSES:
        raise ValueError("status must be 'expected' or 'met'")
    row_id = link_id("attendance", event_id, person_id)
    values = {"event": event_id, "person": person_id, "status": status, "why": why}
    values["focus"] = focus
    values["deleted"] = False
    return journal.save(Attendance, row_id, values)


@operation
def update_attendance(attendance_id: str, **fields: Any) -> dict[str, Any]:
    allowed = {"status", "why", "focus"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown attendance field(s): {', '.join(sorted(unknown))}")
    row = Attendance.get_by_id(attendance_id)
    before = {name: getattr(row, name) for name in fields}
    journal.save(Attendance, attendance_id, fields)
    return before


@operation
def remove_attendee(attendance_id: str) -> None:
    journal.delete(Attendance, attendance_id)


def _attendees(event_id: str) -> tuple[AttendanceView, ...]:
    query = (
        Attendance.select(Attendance, Person.id, Person.full_name)
        .join(Person, on=(Attendance.person == Person.id))
        .where(
            (Attendance.event == event_id)
            & (Attendance.deleted == False)
            & (Person.deleted == False)
        )
        .order_by(Attendance.focus.desc(), Person.full_name)
    )
    return tuple(
        AttendanceView(a.id, a.event_id, a.person_id, a.person.full_name, a.status, a.why, a.focus)
        for a in query
    )


def _view(e: Event, count: int = 0, attendees: tuple[AttendanceView, ...] = ()) -> EventView:
    return EventView(
        e.id, e.title, e.starts_at, e.ends_at, e.place, e.notes, e.goals, count, attendees
    )


def get_event(event_id: str) -> EventView:
    e = Event.get_or_none((Event.id == event_id) & (Event.deleted == False))
    if e is None:
        raise LookupError(f"no event {event_id}")
    attendees = _attendees(event_id)
    return _view(e, len(attendees), attendees)


def list_events(*, now: datetime | None = None) -> list[EventView]:
    """All live events: upcoming first (soonest first), then past (most recent first)."""
    moment = now or datetime.now()
    count = fn.COUNT(Attendance.id)
    query = (
        Event.select(Event, count.alias("n"))
        .join(
            Attendance,
            JOIN.LEFT_OUTER,
            on=((Attendance.event == Event.id) & (Attendance.deleted == False)),
        )
        .where(Event.deleted == False)
        .group_by(Event.id)
    )
    views = [_view(e, e.n) for e in query]

    def is_upcoming(event: EventView) -> bool:
        end = event.ends_at or event.starts_at
        return end is None or end >= moment

    upcoming = sorted(
        (e for e in views if is_upcoming(e)), key=lambda e: e.starts_at or datetime.max
    )
    past = sorted(
        (e for e in views if not is_upcoming(e)),
        key=lambda e: e.starts_at or datetime.min,
        reverse=True,
    )
    return upcoming + past


def events_of(person_id: str) -> list[tuple[EventView, AttendanceView]]:
    """Events a person attends or attended, with their attendance row."""
    query = (
        Attendance.select(Attendance, Event)
        .join(Event, on=(Attendance.event == Event.id))
        .where(
            (Attendance.person == person_id)
            & (Attendance.deleted == False)
            & (Event.deleted == False)
        )
    )
    out = []
    for a in query:
        attendance = AttendanceView(a.id, a.event_id, a.person_id, "", a.status, a.why, a.focus)
        out.append((_view(a.event), attendance))
    return out


def events_today(now: datetime | None = None) -> list[EventView]:
    moment = now or datetime.now()
    return [
        e
        for e in list_events(now=moment)
        if e.starts_at and e.starts_at.date() <= moment.date() <= (e.ends_at or e.starts_at).date()
    ]


def _loose(title: str) -> str:
    return " ".join("".join(ch for ch in title.casefold() if ch.isalnum() or ch.isspace()).split())


def resolve_event(title_or_id: str) -> str:
    """An event id or a unique (case-insensitive) title; else a LookupError with near matches."""
    from rapidfuzz import fuzz, process

    text = title_or_id.strip()
    live = list(Event.select(Event.id, Event.title).where(Event.deleted == False).tuples())
    for eid, _ in live:
        if eid == text:
            return eid
    exact = [(eid, title) for eid, title in live if title.casefold() == text.casefold()]
    if len(exact) == 1:
        return exact[0][0]
    if len(exact) > 1:
        listing = "; ".join(f"{t} ({eid[:8]})" for eid, t in exact)
        raise LookupError(f"several events are called {text!r}: {listing}. Use the id.")
    near = process.extract(text, {eid: t for eid, t in live}, scorer=fuzz.WRatio, limit=5)
    loose = [eid for eid, title in live if _loose(title) == _loose(text)]
    if len(loose) == 1:  # "Writers Salon" for "Writers' Salon": same words, other punctuation
        return loose[0]
    suggestions = ", ".join(repr(t) for t, score, _ in near if score >= 50)
    hint = f"; did you mean {suggestions}?" if suggestions else ""
    raise LookupError(f"no event called {text!r}{hint}")
