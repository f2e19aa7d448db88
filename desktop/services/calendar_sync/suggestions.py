"""Meetings the calendar knows, offered in Today: "Did you meet Ana on Tuesday?" for past
ones, "Make an event" for upcoming ones.

A meeting is offered when one of its other attendees (or its organizer) has an email
address that a person in Rapport has (case-insensitive, ``mailto:`` stripped); unknown
addresses are ignored, and nobody is created. A declined invitation or a cancelled event
is not a meeting. Each recurring occurrence is its own meeting.

Nothing is written without the user's yes: :func:`accept` logs one conversation,
:func:`make_event` makes one event with the people on its list, :func:`dismiss` only
remembers the answer. A meeting made into an event is asked about again once it has
happened, and the conversation is then linked to that event. Answers are kept by
meeting key (``files``), so no question is asked twice; and :func:`accept` also
looks for the conversation it would write, so a lost answer file cannot make it log the
same meeting twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desktop.domain.meetings import Meeting, is_meeting, kind_of, others
from desktop.services.calendar_sync import account as accounts
from desktop.services.calendar_sync import files, reading, server

log = logging.getLogger(__name__)
PAST_DAYS = 30
AHEAD_DAYS = 30
PAST, UPCOMING = "past", "upcoming"
LOGGED, DISMISSED, EVENT = "logged", "dismissed", "event"


@dataclass(frozen=True)
class Suggestion:
    key: str
    when: str  # PAST or UPCOMING
    person_ids: tuple[str, ...]  # known people in the meeting, by name
    names: tuple[str, ...]
    starts_at: datetime
    ends_at: datetime
    title: str
    kind: str
    location: str = ""
    event_id: str = ""  # the event made from it when it was upcoming (a yes links to it)

    @property
    def person_id(self) -> str:
        """The first known person (a meeting with several logs one conversation with all)."""
        return self.person_ids[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "when": self.when,
            "person_id": self.person_id,
            "person_ids": list(self.person_ids),
            "names": list(self.names),
            "starts_at": self.starts_at.isoformat(timespec="minutes"),
            "ends_at": self.ends_at.isoformat(timespec="minutes"),
            "title": self.title,
            "kind": self.kind,
            "location": self.location,
            "event_id": self.event_id,
        }


def window(now: datetime) -> tuple[datetime, datetime]:
    return now - timedelta(days=PAST_DAYS), now + timedelta(days=AHEAD_DAYS)


def fetch_meetings(now: datetime | None = None) -> list[Meeting]:
    """Read the chosen calendars' meetings in the window (network: off the GUI thread)."""
    now = now or datetime.now()
    account = accounts.require()
    secret = accounts.password(account)
    start, end = window(now)
    try:
        objects = server.fetch(account.url, account.user, secret, account.reading, start, end)
    except Exception as exc:
        accounts.note_read(error=str(exc))
        raise
    accounts.note_read(error="", at=now.isoformat(timespec="seconds"))
    return reading.meetings_of(objects, start, end)


def answers() -> dict[str, Any]:
    data = files.read().get("answers")
    return data if isinstance(data, dict) else {}


#: Answers older than this are dropped: their meetings are long out of the window.
KEEP_ANSWERS_DAYS = 3 * (PAST_DAYS + AHEAD_DAYS)


def _remember(key: str, answer: str, **details: str) -> None:
    oldest = (datetime.now() - timedelta(days=KEEP_ANSWERS_DAYS)).isoformat(timespec="seconds")
    with files._lock:
        current = {
            k: v
            for k, v in answers().items()
            if not isinstance(v, dict) or str(v.get("at", "9999")) >= oldest
        }
        current[key] = {"answer": answer, "at": datetime.now().isoformat(timespec="seconds")}
        current[key].update(details)
        files.update("answers", current)


def suggest(
    meetings: list[Meeting], *, now: datetime | None = None, my_addresses: tuple[str, ...] = ()
) -> list[Suggestion]:
    """The meetings worth asking about: past ones newest first, then upcoming soonest first."""
    from desktop.services.people import display_names, people_with_email

    now = now or datetime.now()
    mine = frozenset(my_addresses)
    answered = answers()
    by_email: dict[str, list[str]] = {}
    past, upcoming = [], []
    for meeting in meetings:
        if not is_meeting(meeting, mine):
            continue
        if meeting.ends_at <= now:
            when = PAST
        elif meeting.starts_at > now:
            when = UPCOMING
        else:
            continue  # happening right now: ask afterwards
        answer = answered.get(meeting.key)
        event_id = ""
        if isinstance(answer, dict) and answer.get("answer") == EVENT and when == PAST:
            event_id = str(answer.get("event_id", ""))  # prepared for it; now: did you meet?
        elif answer is not None:
            continue
        ids: list[str] = []
        for email in others(meeting, mine):
            if email not in by_email:
                by_email[email] = [pid for pid, _name in people_with_email(email)]
            ids.extend(by_email[email])
        ids = list(dict.fromkeys(ids))
        if not ids:
            continue  # nobody known: not Rapport's business
        names = display_names(ids)
        ids.sort(key=lambda pid: (names.get(pid, "").casefold(), pid))
        item = Suggestion(
            key=meeting.key,
            when=when,
            person_ids=tuple(ids),
            names=tuple(names.get(pid, "") for pid in ids),
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            title=meeting.title or "Meeting",
            kind=kind_of(meeting),
            location=meeting.location,
            event_id=event_id,
        )
        (past if when == PAST else upcoming).append(item)
    past.sort(key=lambda s: s.starts_at, reverse=True)
    upcoming.sort(key=lambda s: s.starts_at)
    return past + upcoming


def suggestions(now: datetime | None = None) -> list[Suggestion]:
    """Fetch and match in one go (the CLI, and Today's worker)."""
    now = now or datetime.now()
    account = accounts.require()
    return suggest(fetch_meetings(now), now=now, my_addresses=account.my_addresses)


def _existing_conversation(s: Suggestion) -> str | None:
    from desktop.services.conversations import conversations_with

    for conversation in conversations_with(s.person_id, limit=200):
        happened = conversation.happened_at
        if happened == s.starts_at and (conversation.title or "") == s.title:
            return conversation.id
    return None


def _live_event(event_id: str) -> str | None:
    """The event made from this meeting, if it is still there (it may have been deleted)."""
    if not event_id:
        return None
    from desktop.services import events

    try:
        return event_id if events.get_event(event_id) else None
    except LookupError:  # deleted since: log the conversation without it
        return None


def accept(s: Suggestion) -> str:
    """Yes, we met: log one conversation with everyone known who was there."""
    from desktop.services.conversations import log_conversation

    if s.when != PAST:
        raise ValueError("only a meeting that has happened can be logged")
    conversation_id = _existing_conversation(s) or log_conversation(
        participants=list(s.person_ids),
        happened_at=s.starts_at,
        kind=s.kind,
        place=s.location,
        title=s.title,
        notes="",
        event=_live_event(s.event_id),
    )
    _remember(s.key, LOGGED, conversation_id=conversation_id)
    return conversation_id


def dismiss(s: Suggestion) -> None:
    """No (or not worth a note): never offered again, nothing written to the database."""
    _remember(s.key, DISMISSED)


def make_event(s: Suggestion) -> str:
    """An upcoming meeting becomes an event with its people, ready for a briefing sheet."""
    from desktop.services import events
    from desktop.services.store import operation

    @operation
    def _make() -> str:
        for existing in events.list_events():  # made already (an answer file lost)?
            if existing.starts_at == s.starts_at and existing.title == s.title:
                return existing.id
        event_id = events.create_event(
            title=s.title, starts_at=s.starts_at, ends_at=s.ends_at, place=s.location
        )
        for person_id in s.person_ids:
            events.add_attendee(event_id=event_id, person_id=person_id, status="expected")
        return event_id

    event_id = _make()
    _remember(s.key, EVENT, event_id=event_id)
    return event_id
