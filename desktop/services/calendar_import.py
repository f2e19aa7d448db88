"""Importing an event from a calendar invitation (.ics): preview first, then one write.

Reading never writes: :func:`preview_invites` turns a file into a preview — the event's
details, the attendees matched to people already in Rapport (and how), and those who
are not, offered as new people. Only :func:`apply_invite` writes, in one transaction, so
a half-imported invite cannot happen.

Matching, most certain first:

1. **Email** — an attendee's address equals one of a person's email contact points
   (case-insensitive).
2. **Name** — the attendee's display name (``CN``) matches exactly one person with a
   rapidfuzz ``WRatio`` of at least :data:`NAME_MATCH`. Names Rapport derived from an
   email address ("ana.ruiz@…" → "Ana Ruiz") are never fuzzy-matched: a guess built on
   a guess is how the wrong person gets a note.

Everyone else is unmatched; close but not certain names are listed in
``InvitePreview.maybe`` so the UI can ask "is this Ana Ruiz?".

**Re-importing** the same invite must not duplicate the event, and the schema has no
place for an iCalendar UID (adding one is a sync-visible schema change for one feature).
So an event is "the same" when a live event has the same title (case- and
space-insensitive) and the same start. The cost, accepted: a rescheduled invite imports
as a second event, which the user can delete; and on re-import, fields the user already
filled in are never overwritten — only empty ones are completed — and people already on
the list keep their status, reason and focus.

The invitee list cannot tell the user apart from the others (Rapport keeps no "my
addresses" setting yet), so the user's own entry shows up among the unmatched; the
preview is where they leave it out.

``icalendar`` is imported lazily: it costs ~70 ms and only this feature needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop.services import events, people
from desktop.services.store import operation
from desktop.storage.models import Attendance, ContactPoint, Event, Person

__all__ = [
    "NAME_MATCH",
    "NEAR_MATCH",
    "Attendee",
    "AttendeeMatch",
    "InviteEvent",
    "InvitePreview",
    "InviteResult",
    "apply_invite",
    "preview_invite",
    "preview_invites",
]

#: WRatio from which a display name counts as the same person (when only one person has it).
NAME_MATCH = 90.0
#: WRatio from which a name is offered as "maybe" in the preview.
NEAR_MATCH = 80.0
UNTITLED = "Untitled event"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


@dataclass(frozen=True, slots=True)
class Attendee:
    """One invitee as the invitation names them."""

    name: str  # display name: CN ("Ruiz, Ana" turned around) or derived from the email
    email: str  # lower-case, "" when the invite gives none
    organizer: bool = False
    name_from_email: bool = False  # the invite gave no CN; ``name`` is a guess

    @property
    def key(self) -> str:
        """What ``apply_invite(create_unmatched={...})`` selects by: email, else name."""
        return self.email or self.name.casefold()


@dataclass(frozen=True, slots=True)
class InviteEvent:
    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    place: str
    notes: str


@dataclass(frozen=True, slots=True)
class AttendeeMatch:
    attendee: Attendee
    person_id: str
    person_name: str
    how: str  # "email" | "name (93%)"


@dataclass(frozen=True, slots=True)
class InvitePreview:
    source: str  # the file's name, for messages
    event: InviteEvent
    matched: tuple[AttendeeMatch, ...]
    unmatched: tuple[Attendee, ...]
    existing_event_id: str | None  # same title and start already in Rapport
    declined: int = 0  # invitees who declined: not imported
    maybe: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # attendee key -> (person id, name) of people they might be


@dataclass(frozen=True, slots=True)
class InviteResult:
    event_id: str
    created_event: bool
    attendees_added: int
    people_created: tuple[tuple[str, str], ...]  # (id, name)


# --- reading ----------------------------------------------------------------------------


def _read(source: str | bytes | Path) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "invitation"
    if isinstance(source, str) and "BEGIN:" in source.upper():
        return source.encode("utf-8"), "invitation"
    path = Path(source)
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value).split()) if name != "DESCRIPTION" else str(value).strip()


def _local(value: date | datetime, *, end_of_day: bool = False) -> datetime:
    """Naive local time, as Rapport stores it; a date becomes its first or last minute."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value.replace(microsecond=0)
    return datetime.combine(value, time(23, 59) if end_of_day else time(0, 0))


def _value(prop: Any) -> Any:
    """A property's decoded value, or None when icalendar could not decode it."""
    try:
        return prop.dt
    except (AttributeError, ValueError, TypeError):  # icalendar 7 raises on "broken" ones
        return None


def _moment(component: Any, name: str, where: str) -> date | datetime | None:
    prop = component.get(name)
    if prop is None:
        return None
    if isinstance(prop, list):  # the property given twice: the first one counts
        if not prop:
            return None
        prop = prop[0]
    value = _value(prop)
    if not isinstance(value, date):
        raw = prop.to_ical() if hasattr(prop, "to_ical") else prop
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8", "replace")
        raise ValueError(f"{where}: {name} {str(raw)[:80]!r} is not a date or time")
    return value


def _display_name(cn: str, email: str) -> tuple[str, bool]:
    cn = " ".join(cn.strip().strip('"').split())
    if cn and not _EMAIL.match(cn):
        if cn.count(",") == 1:  # "Ruiz, Ana" -> "Ana Ruiz"
            last, first = (part.strip() for part in cn.split(","))
            if last and first:
                return f"{first} {last}", False
        return cn, False
    local = (email or cn).split("@", 1)[0]
    words = [w for w in re.split(r"[._\-+]+", local) if w]
    return " ".join(w.capitalize() for w in words) or email, True


def _attendee(prop: Any, organizer: bool) -> tuple[Attendee, bool] | None:
    """The attendee and whether they declined; None for an entry with neither name nor address."""
    address = str(prop).strip()
    email = address[7:] if address.lower().startswith("mailto:") else ""
    email = email.strip().lower() if _EMAIL.match(email.strip()) else ""
    params = getattr(prop, "params", {}) or {}
    name, guessed = _display_name(str(params.get("CN", "")), email)
    if not name and not email:
        return None
    declined = str(params.get("PARTSTAT", "")).upper() == "DECLINED"
    return Attendee(name, email, organizer, guessed), declined


def _event(component: Any, source: str) -> tuple[InviteEvent, list[Attendee], int]:
    title = _text(component, "SUMMARY") or UNTITLED
    where = f"{source}, event {title!r}"
    start = _moment(component, "DTSTART", where)
    if start is None:
        raise ValueError(f"{where}: has no start (DTSTART)")
    end = _moment(component, "DTEND", where)
    starts_at = _local(start)
    if end is not None:
        all_day = not isinstance(end, datetime)
        ends_at: datetime | None = _local(
            end - timedelta(days=1) if all_day else end, end_of_day=all_day
        )
    elif component.get("DURATION") is not None:
        duration = _value(component.get("DURATION"))
        if not isinstance(duration, timedelta):
            raise ValueError(f"{where}: DURATION is not a length of time")
        ends_at = starts_at + duration
    else:
        ends_at = _local(start, end_of_day=True) if not isinstance(start, datetime) else None
    if ends_at is not None and ends_at < starts_at:
        raise ValueError(f"{where}: ends (DTEND) before it starts (DTSTART)")
    invite = InviteEvent(
        uid=_text(component, "UID"),
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        place=_text(component, "LOCATION"),
        notes=_text(component, "DESCRIPTION"),
    )
    attendees: list[Attendee] = []
    seen: set[str] = set()
    declined = 0
    raw = component.get("ATTENDEE") or []
    entries = [(p, False) for p in (raw if isinstance(raw, list) else [raw])]
    if component.get("ORGANIZER") is not None:
        entries.append((component.get("ORGANIZER"), True))
    for prop, organizer in entries:
        found = _attendee(prop, organizer)
        if found is None:
            continue
        attendee, said_no = found
        if attendee.key in seen:
            continue
        seen.add(attendee.key)
        if said_no:
            declined += 1
            continue
        attendees.append(attendee)
    return invite, attendees, declined


_BAD_OFFSET = re.compile(rb"^(TZOFFSET(?:FROM|TO)):([+-]?)(\d\d)(\d\d)(\d\d)?\s*$", re.M | re.I)


def _sane_offsets(text: bytes) -> bytes:
    """Time-zone offsets of 24 hours or more (``+5328``, a mangled LMT) set to ``+0000``.

    They only describe a zone's history before the event, and icalendar refuses the whole
    file for one of them.
    """

    def fix(match: re.Match[bytes]) -> bytes:
        if int(match.group(3)) < 24 and int(match.group(4)) < 60:
            return match.group(0)
        return match.group(1) + b":+0000"

    return _BAD_OFFSET.sub(fix, text)


def _as_utf8(data: bytes) -> bytes:
    """The calendar's bytes as UTF-8 (RFC 5545 says UTF-8; some exporters wrote Latin-1)."""
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    from desktop.services.importing.text import legacy_encoding

    encoding = legacy_encoding(data) or "cp1252"
    return data.decode(encoding, "replace").encode("utf-8")


def _reason(exc: Exception) -> str:
    """icalendar's message without the echo of the file's bytes (``b'BEGIN:…'``)."""
    text = str(exc)
    cut = text.find(": b'")
    if cut < 0:
        cut = text.find(': b"')
    return text[:cut] if cut > 0 else text[:200]


def _components(data: bytes, source: str) -> list[Any]:
    import icalendar

    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text[:15].upper().startswith(b"BEGIN:VCALENDAR"):
        raise ValueError(f"{source}: not an iCalendar file (it should start with BEGIN:VCALENDAR)")
    text = _sane_offsets(_as_utf8(text))
    try:
        several = text.upper().count(b"BEGIN:VCALENDAR") > 1  # one file, several calendars
        found_ = icalendar.Calendar.from_ical(text, multiple=several)
        calendars = found_ if several else [found_]
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        raise ValueError(f"{source}: the calendar could not be read: {_reason(exc)}") from exc
    events = [e for calendar in calendars for e in calendar.walk("VEVENT")]
    masters = {str(e.get("UID", "")) for e in events if e.get("RECURRENCE-ID") is None}
    found: list[Any] = []
    seen_orphans: set[str] = set()
    for event in events:
        if event.get("RECURRENCE-ID") is None:
            found.append(event)
            continue
        # One occurrence without its series (an invitation to a single meeting) is the
        # event; occurrences of a series in the file are part of that series.
        uid = str(event.get("UID", ""))
        if uid not in masters and uid not in seen_orphans:
            seen_orphans.add(uid)
            found.append(event)
    if not found:
        raise ValueError(f"{source}: holds no event (no VEVENT)")
    return found


# --- matching ---------------------------------------------------------------------------


def _emails() -> dict[str, tuple[str, str]]:
    """Every live email address -> (person id, name); the first person wins a duplicate."""
    query = (
        ContactPoint.select(ContactPoint.value, Person.id, Person.full_name)
        .join(Person, on=(ContactPoint.person == Person.id))
        .where(
            (ContactPoint.kind == "email")
            & (ContactPoint.deleted == False)
            & (Person.deleted == False)
        )
        .order_by(Person.full_name, Person.id)
        .tuples()
    )
    found: dict[str, tuple[str, str]] = {}
    for value, pid, name in query:
        address = value.strip().lower()
        if address.startswith("mailto:"):
            address = address[7:]
        found.setdefault(address, (pid, name))
    return found


class _Matcher:
    def __init__(self) -> None:
        self.emails = _emails()
        self.names = {pid: name for pid, name in people.all_names()}

    def match(self, attendee: Attendee) -> tuple[AttendeeMatch | None, tuple[tuple[str, str], ...]]:
        if attendee.email and attendee.email in self.emails:
            pid, name = self.emails[attendee.email]
            return AttendeeMatch(attendee, pid, name, "email"), ()
        if attendee.name_from_email or not attendee.name or not self.names:
            return None, ()
        from rapidfuzz import fuzz, process, utils

        hits = process.extract(
            attendee.name,
            self.names,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=NEAR_MATCH,
            limit=5,
        )
        sure = [(pid, name, score) for name, score, pid in hits if score >= NAME_MATCH]
        if len(sure) == 1:
            pid, name, score = sure[0]
            return AttendeeMatch(attendee, pid, name, f"name ({score:.0f}%)"), ()
        return None, tuple((pid, name) for name, _, pid in hits)


def _same_event(title: str, starts_at: datetime) -> str | None:
    wanted = " ".join(title.split()).casefold()
    rows = Event.select(Event.id, Event.title).where(
        (Event.deleted == False) & (Event.starts_at == starts_at)
    )
    for row in rows.order_by(Event.id):
        if " ".join(row.title.split()).casefold() == wanted:
            return str(row.id)
    return None


def _preview(component: Any, source: str, matcher: _Matcher) -> InvitePreview:
    invite, attendees, declined = _event(component, source)
    matched: list[AttendeeMatch] = []
    unmatched: list[Attendee] = []
    maybe: dict[str, tuple[tuple[str, str], ...]] = {}
    for attendee in attendees:
        match, near = matcher.match(attendee)
        if match is not None:
            matched.append(match)
        else:
            unmatched.append(attendee)
            if near:
                maybe[attendee.key] = near
    return InvitePreview(
        source=source,
        event=invite,
        matched=tuple(matched),
        unmatched=tuple(unmatched),
        existing_event_id=_same_event(invite.title, invite.starts_at),
        declined=declined,
        maybe=maybe,
    )


def preview_invites(source: str | bytes | Path) -> list[InvitePreview]:
    """A preview per event in an .ics file (path, text or bytes); writes nothing.

    Raises ValueError naming the file and the problem for anything malformed.
    """
    data, name = _read(source)
    components = _components(data, name)
    matcher = _Matcher()
    return [_preview(component, name, matcher) for component in components]


def preview_invite(source: str | bytes | Path) -> InvitePreview:
    """The preview of an invitation's event (the first, when a calendar holds several)."""
    return preview_invites(source)[0]


# --- writing ----------------------------------------------------------------------------


def _chosen(unmatched: Iterable[Attendee], create: bool | set[str]) -> list[Attendee]:
    if create is True:
        return list(unmatched)
    if not create:
        return []
    keys = {k.strip().casefold() for k in create}
    return [a for a in unmatched if a.key in keys or a.name.casefold() in keys]


@operation
def apply_invite(
    preview: InvitePreview, *, create_unmatched: bool | set[str] = False
) -> InviteResult:
    """Write the previewed event and its attendees in one transaction.

    ``create_unmatched``: True creates every unmatched attendee as a new person, a set
    creates those whose email or name (``Attendee.key``) it holds, False none. An event
    with the same title and start is completed, not duplicated (see the module notes).
    """
    invite = preview.event
    event_id = _same_event(invite.title, invite.starts_at)
    created = event_id is None
    if event_id is None:
        event_id = events.create_event(
            title=invite.title,
            starts_at=invite.starts_at,
            ends_at=invite.ends_at,
            place=invite.place,
            notes=invite.notes,
        )
    else:
        current = events.get_event(event_id)
        missing = {
            name: value
            for name, value, have in (
                ("ends_at", invite.ends_at, current.ends_at),
                ("place", invite.place, current.place),
                ("notes", invite.notes, current.notes),
            )
            if value and not have
        }
        if missing:
            events.update_event(event_id, **missing)
    present = {
        pid
        for (pid,) in Attendance.select(Attendance.person)
        .where((Attendance.event == event_id) & (Attendance.deleted == False))
        .tuples()
    }
    added = 0
    for match in preview.matched:
        if match.person_id in present or not people.person_exists(match.person_id):
            continue
        events.add_attendee(event_id=event_id, person_id=match.person_id)
        present.add(match.person_id)
        added += 1
    new_people: list[tuple[str, str]] = []
    for attendee in _chosen(preview.unmatched, create_unmatched):
        person_id = people.create_person(full_name=attendee.name)
        if attendee.email:
            people.add_contact_point(person_id=person_id, kind="email", value=attendee.email)
        events.add_attendee(event_id=event_id, person_id=person_id)
        new_people.append((person_id, attendee.name))
        added += 1
    return InviteResult(event_id, created, added, tuple(new_people))
