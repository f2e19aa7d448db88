"""Conversations with one or more participants, and their tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from desktop.domain.records import ConversationView
from desktop.services.people import normalise_tag
from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import (
    CONVERSATION_KINDS,
    DEPTHS,
    Conversation,
    Event,
    Participant,
    Person,
    Tag,
    database,
    link_id,
)
from desktop.storage.sql import chunks, placeholders

FIELDS = ("happened_at", "kind", "place", "event", "title", "notes", "depth", "confidential")


def _check(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown conversation field(s): {', '.join(sorted(unknown))}")
    if "depth" in values and values["depth"] not in DEPTHS:
        raise ValueError(f"depth must be one of: {', '.join(DEPTHS)}")
    if "kind" in values and values["kind"] not in CONVERSATION_KINDS:
        raise ValueError(f"kind must be one of: {', '.join(CONVERSATION_KINDS)}")
    if isinstance(values.get("happened_at"), datetime):
        values["happened_at"] = values["happened_at"].replace(microsecond=0)
    return values


@operation
def log_conversation(
    *,
    participants: Sequence[str],
    happened_at: datetime | None = None,
    notes: str = "",
    depth: str = "professional",
    kind: str = "in_person",
    place: str = "",
    event: str | None = None,
    title: str = "",
    confidential: bool = False,
    tags: Iterable[str] = (),
) -> str:
    """Record a conversation with everyone who took part; returns its id."""
    if not participants:
        raise ValueError("a conversation needs at least one participant")
    values = _check(
        {
            "happened_at": happened_at or datetime.now(),
            "notes": notes,
            "depth": depth,
            "kind": kind,
            "place": place,
            "event": event,
            "title": title,
            "confidential": confidential,
        }
    )
    conversation_id = journal.save(Conversation, None, values)
    set_participants(conversation_id=conversation_id, person_ids=participants)
    for tag in tags:
        name = normalise_tag(tag)
        if name:
            journal.save(Tag, None, {"conversation": conversation_id, "name": name})
    return conversation_id


@operation
def set_participants(*, conversation_id: str, person_ids: Sequence[str]) -> tuple[str, ...]:
    """Make the participant list exactly ``person_ids``; returns the previous list."""
    before = participant_ids(conversation_id)
    wanted = list(dict.fromkeys(person_ids))
    for person_id in set(before) - set(wanted):
        journal.delete(Participant, link_id("participant", conversation_id, person_id))
    for person_id in wanted:
        if person_id in before:
            continue
        row_id = link_id("participant", conversation_id, person_id)
        if Participant.get_or_none(Participant.id == row_id) is None:
            journal.save(
                Participant, row_id, {"conversation": conversation_id, "person": person_id}
            )
        else:
            journal.restore(Participant, row_id)
    return before


def participant_ids(conversation_id: str) -> tuple[str, ...]:
    rows = (
        Participant.select(Participant.person)
        .where((Participant.conversation == conversation_id) & (Participant.deleted == False))
        .tuples()
    )
    return tuple(pid for (pid,) in rows)


@operation
def update_conversation(conversation_id: str, **fields: Any) -> dict[str, Any]:
    """Change fields; returns their previous values (for undo)."""
    row = Conversation.get_by_id(conversation_id)
    values = _check(dict(fields))
    before = {name: (row.event_id if name == "event" else getattr(row, name)) for name in values}
    journal.save(Conversation, conversation_id, values)
    return before


@operation
def delete_conversation(conversation_id: str) -> None:
    journal.delete(Conversation, conversation_id)


@operation
def restore_conversation(conversation_id: str) -> None:
    journal.restore(Conversation, conversation_id)


def _views(query: Any) -> list[ConversationView]:
    rows = list(query)
    if not rows:
        return []
    ids = [r.id for r in rows]
    participants: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    tags: dict[str, list[str]] = {i: [] for i in ids}
    for chunk in chunks(ids, 500):
        q = (
            Participant.select(Participant.conversation, Person.id, Person.full_name)
            .join(Person, on=(Participant.person == Person.id))
            .where((Participant.conversation.in_(chunk)) & (Participant.deleted == False))
            .tuples()
        )
        for conversation_id, person_id, name in q:
            participants[conversation_id].append((person_id, name))
        tq = (
            Tag.select(Tag.conversation, Tag.name)
            .where(Tag.conversation.in_(chunk) & (Tag.deleted == False))
            .tuples()
        )
        for conversation_id, name in tq:
            tags[conversation_id].append(name)
    event_ids = {r.event_id for r in rows if r.event_id}
    titles = (
        dict(Event.select(Event.id, Event.title).where(Event.id.in_(list(event_ids))).tuples())
        if event_ids
        else {}
    )
    return [
        ConversationView(
            id=r.id,
            happened_at=r.happened_at,
            kind=r.kind,
            place=r.place,
            event_id=r.event_id,
            event_title=titles.get(r.event_id, "") if r.event_id else "",
            title=r.title,
            notes=r.notes,
            depth=r.depth,
            confidential=bool(r.confidential),
            participant_ids=tuple(pid for pid, _ in participants[r.id]),
            participant_names=tuple(name for _, name in participants[r.id]),
            tags=tuple(sorted(tags[r.id])),
        )
        for r in rows
    ]


def get_conversation(conversation_id: str) -> ConversationView:
    views = _views(Conversation.select().where(Conversation.id == conversation_id))
    if not views:
        raise LookupError(f"no conversation {conversation_id}")
    return views[0]


def conversations_with_each(person_ids: Sequence[str]) -> dict[str, list[ConversationView]]:
    """:func:`conversations_with` for several people at once (a briefing's guests): the
    same lists, newest first, from a few queries instead of a few per person."""
    wanted = list(dict.fromkeys(person_ids))
    found: dict[str, list[ConversationView]] = {pid: [] for pid in wanted}
    for chunk in chunks(wanted, 500):
        ids = [
            cid
            for (cid,) in database.execute_sql(
                "SELECT c.id FROM conversation c WHERE c.deleted = 0 AND c.id IN "
                "(SELECT conversation_id FROM participant WHERE deleted = 0 "
                f"AND person_id IN ({placeholders(chunk)})) ORDER BY c.happened_at DESC",
                chunk,
            )
        ]
        views: dict[str, ConversationView] = {}
        for part in chunks(ids, 500):
            views.update(
                (v.id, v) for v in _views(Conversation.select().where(Conversation.id.in_(part)))
            )
        for cid in ids:  # newest first, as each person's list is
            for pid in views[cid].participant_ids:
                if pid in found:
                    found[pid].append(views[cid])
    return found


def conversations_with(person_id: str, *, limit: int | None = None) -> list[ConversationView]:
    """Live conversations a person took part in, newest first."""
    query = (
        Conversation.select()
        .join(Participant, on=(Participant.conversation == Conversation.id))
        .where(
            (Participant.person == person_id)
            & (Participant.deleted == False)
            & (Conversation.deleted == False)
        )
        .order_by(Conversation.happened_at.desc())
    )
    if limit:
        query = query.limit(limit)
    return _views(query)


def conversations_by_ids(ids: Iterable[str]) -> list[ConversationView]:
    return _views(Conversation.select().where(Conversation.id.in_(list(ids))))
