"""One stream of a relationship's history: newest first, grouped by month.

Conversations, promises (made, kept, broken, released), exchanges, events and
introductions are different records; the timeline turns them into uniform entries so
the person view, `rapport show` and Markdown export read the same story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.records import (
    AttendanceView,
    CommitmentView,
    ConversationView,
    EventView,
    ExchangeView,
    IntroductionView,
)

DEPTH_LABELS = {"small_talk": "small talk", "professional": "professional", "personal": "personal"}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    kind: str  # conversation | promise | promise_kept | promise_broken | promise_released
    #            | exchange | event | introduction
    when: datetime
    title: str
    detail: str
    ref_kind: str  # the record type to edit: conversation, commitment, exchange, event, …
    ref_id: str
    confidential: bool = False


def _at(moment: datetime | date | None) -> datetime:
    if moment is None:
        return datetime.min
    if isinstance(moment, datetime):
        return moment
    return datetime(moment.year, moment.month, moment.day)


def _promise_title(c: CommitmentView, first: str) -> str:
    return f"You promised {first}" if c.owner == "me" else f"{first} promised you"


def build(
    *,
    first_name: str,
    conversations: Iterable[ConversationView] = (),
    commitments: Iterable[CommitmentView] = (),
    exchanges: Iterable[ExchangeView] = (),
    events: Iterable[tuple[EventView, AttendanceView]] = (),
    introductions: Iterable[IntroductionView] = (),
    now: datetime | None = None,
) -> list[TimelineEntry]:
    """Merge a person's records into entries, newest first (stable for equal times).

    ``now`` words events: one still to come is "Expected at …"; one that is over and
    where nobody recorded a meeting was only an invitation ("Invited to …").
    """
    entries: list[TimelineEntry] = []
    for conv in conversations:
        depth = DEPTH_LABELS.get(conv.depth, conv.depth)
        where = conv.event_title or conv.place
        title = conv.title or f"Talked ({depth})" + (f" at {where}" if where else "")
        entries.append(
            TimelineEntry(
                "conversation",
                _at(conv.happened_at),
                title,
                conv.notes,
                "conversation",
                conv.id,
                conv.confidential,
            )
        )
    for c in commitments:
        due = f" — due {c.due.isoformat()}" if c.due else ""
        entries.append(
            TimelineEntry(
                "promise",
                _at(c.made_at),
                _promise_title(c, first_name),
                c.description + due,
                "commitment",
                c.id,
            )
        )
        if c.status != "open" and c.resolved_at:
            entries.append(
                TimelineEntry(
                    f"promise_{c.status}",
                    _at(c.resolved_at),
                    f"Promise {c.status}: {c.description}",
                    _promise_title(c, first_name),
                    "commitment",
                    c.id,
                )
            )
    for e in exchanges:
        verb = "You gave" if e.direction == "give" else "You received"
        entries.append(
            TimelineEntry(
                "exchange",
                _at(e.happened_at),
                f"{verb} {e.kind}",
                e.description,
                "exchange",
                e.id,
            )
        )
    for event, attendance in events:
        past = (
            now is not None
            and event.starts_at is not None
            and event.starts_at.replace(tzinfo=None) < now.replace(tzinfo=None)
        )
        expected = "Invited to" if past else "Expected at"
        status = "Met at" if attendance.status == "met" else expected
        entries.append(
            TimelineEntry(
                "event",
                _at(event.starts_at),
                f"{status} {event.title}",
                attendance.why or event.place,
                "event",
                event.id,
            )
        )
    for intro in introductions:
        entries.append(
            TimelineEntry(
                "introduction",
                _at(intro.happened_at),
                f"{intro.introducer_name.capitalize() if intro.introducer_name == 'me' else intro.introducer_name} "  # noqa: E501
                f"introduced {intro.person_name} to {intro.other_name}",
                intro.note,
                "introduction",
                intro.id,
            )
        )
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries


def month_label(moment: datetime) -> str:
    return "Undated" if moment == datetime.min else moment.strftime("%B %Y")


def group_by_month(entries: Sequence[TimelineEntry]) -> list[tuple[str, list[TimelineEntry]]]:
    """Consecutive entries of the same month under one heading, order preserved."""
    groups: list[tuple[str, list[TimelineEntry]]] = []
    for entry in entries:
        label = month_label(entry.when)
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(entry)
    return groups
