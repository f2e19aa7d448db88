"""What a calendar entry says about a meeting: pure rules, no I/O (issue #18).

The CalDAV reader (``desktop.services.calendar_sync``) turns each occurrence of each
event into a :class:`Meeting`; these rules decide whether it was a meeting at all (a
declined invitation or a cancelled event is not), what kind of conversation it was, and
which key remembers the user's answer about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

#: Conversation kinds a meeting can become (a subset of the storage's kinds).
VIDEO, MEAL, IN_PERSON = "video", "meal", "in_person"

# A link or a product name in the place/description: a video call. "meet" alone only as
# a whole word ("Meeting room 2" is a room, "Meet" is Google Meet).
_VIDEO = re.compile(
    r"(zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|"
    r"whereby\.com|meet\.jit\.si|facetime|\bzoom\b|\bmeet\b|\bteams\b|\bwebex\b|\bjitsi\b|"
    r"video call|videocall|hangout)",
    re.IGNORECASE,
)
_MEAL = re.compile(r"\b(breakfast|brunch|lunch|dinner|supper|coffee|drinks?)\b", re.IGNORECASE)


def clean_email(value: str) -> str:
    """``mailto:Ana@Example.COM `` -> ``ana@example.com``; "" when it is not an address."""
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    text = text.strip().casefold()
    return text if re.fullmatch(r"[^@\s]+@[^@\s]+", text) else ""


@dataclass(frozen=True)
class Attendee:
    email: str  # clean (lower case, no mailto:)
    name: str = ""
    partstat: str = ""  # NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE… (upper case)


@dataclass(frozen=True)
class Meeting:
    """One occurrence of a calendar event, in local time (naive, like the rest of Rapport)."""

    uid: str
    recurring: bool
    starts_at: datetime
    ends_at: datetime
    title: str
    location: str = ""
    description: str = ""
    status: str = ""  # CONFIRMED, TENTATIVE, CANCELLED (upper case) or ""
    has_conference: bool = False  # a CONFERENCE (RFC 7986) or vendor conference property
    organizer: str = ""  # clean email
    attendees: tuple[Attendee, ...] = field(default_factory=tuple)
    calendar: str = ""  # the calendar's URL (for the settings' status line)
    #: RECURRENCE-ID of a recurring meeting's occurrence (its original start, in UTC,
    #: ISO): stays the same when that one occurrence is moved.
    recurrence_id: str = ""

    @property
    def key(self) -> str:
        """Remembers the answer: the UID, plus RECURRENCE-ID for a recurring meeting (each
        occurrence is its own meeting; a moved meeting or occurrence is still the same)."""
        if not self.recurring:
            return self.uid
        return f"{self.uid}|{self.recurrence_id or self.starts_at.isoformat(timespec='minutes')}"


def kind_of(meeting: Meeting) -> str:
    """The conversation kind: a video call (conference link, or zoom/meet/teams in the
    place or a link in the description), a meal (lunch, dinner, breakfast, coffee…),
    else in person."""
    if meeting.has_conference or _VIDEO.search(meeting.location):
        return VIDEO
    if re.search(r"https?://\S*(zoom\.us|meet\.google|teams\.)", meeting.description, re.I):
        return VIDEO
    if _MEAL.search(meeting.title) or _MEAL.search(meeting.location):
        return MEAL
    return IN_PERSON


def is_meeting(meeting: Meeting, my_addresses: frozenset[str]) -> bool:
    """False for a cancelled event, or one the user declined (their own attendee entry
    says PARTSTAT=DECLINED): neither is a meeting."""
    if meeting.status.upper() == "CANCELLED":
        return False
    return not any(
        a.email in my_addresses and a.partstat.upper() == "DECLINED" for a in meeting.attendees
    )


def others(meeting: Meeting, my_addresses: frozenset[str]) -> list[str]:
    """The other people's addresses (attendees and organizer), the user's own left out,
    those who declined left out too, in order and once each."""
    found: list[str] = []
    for a in meeting.attendees:
        if a.email and a.email not in my_addresses and a.partstat.upper() != "DECLINED":
            found.append(a.email)
    if meeting.organizer and meeting.organizer not in my_addresses:
        found.append(meeting.organizer)
    return list(dict.fromkeys(found))
