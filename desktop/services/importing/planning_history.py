"""Planning the history records of an import: conversations, promises, exchanges,
introductions, events and attendance (split from :mod:`planning`; same rules).

A record whose stable id exists is skipped ("already present"); one whose people are
not imported is rejected with its place in the file.
"""

from __future__ import annotations

from typing import Any, Protocol

from desktop.services.importing.records import IncomingConversation, ParsedFile, Rejection
from desktop.services.people import normalise_tag
from desktop.storage.models import link_id, new_id


class _Existing(Protocol):
    def exists(self, table: str, row_id: str | None) -> bool: ...


class HistoryPlanning:
    """Mixed into the planner: the people are placed; now their history."""

    parsed: ParsedFile
    person_ids: dict[str, str]
    existing: _Existing
    rows: dict[str, list[dict[str, Any]]]
    skipped: dict[str, int]
    rejected: list[Rejection]

    def _history(self) -> None:
        parsed = self.parsed
        events = self._events()
        conversations: dict[str, str] = {}
        for conversation in parsed.conversations:
            cid = self._conversation(conversation, events)
            if cid:
                conversations[conversation.key] = cid
        for record, entity in ((parsed.commitments, "commitment"), (parsed.exchanges, "exchange")):
            for item in record:
                pid = self.person_ids.get(item.person_key)
                if pid is None:
                    self.rejected.append(
                        Rejection(item.ref, "refers to a person who is not imported")
                    )
                    continue
                row_id = item.id_hint or new_id()
                if self.existing.exists(entity, row_id):
                    self.skipped[entity] += 1
                    continue
                conversation = conversations.get(item.conversation_key or "") or (
                    item.conversation_key
                    if self.existing.exists("conversation", item.conversation_key)
                    else None
                )
                self.rows[entity].append(
                    {**item.fields, "id": row_id, "person": pid, "conversation": conversation}
                )
        self._introductions()
        self._attendances(events)

    def _events(self) -> dict[str, str]:
        ids: dict[str, str] = {}
        for event in self.parsed.events:
            row_id = event.id_hint or new_id()
            ids[event.key] = row_id
            if self.existing.exists("event", row_id):
                self.skipped["event"] += 1
                continue
            self.rows["event"].append({**event.fields, "id": row_id})
        return ids

    def _conversation(self, item: IncomingConversation, events: dict[str, str]) -> str | None:
        row_id = item.id_hint or new_id()
        if self.existing.exists("conversation", row_id):
            self.skipped["conversation"] += 1
            return row_id
        people = []
        for participant in item.participants:
            pid = self.person_ids.get(participant.person_key)
            if pid and pid not in (p for p, _ in people):
                kept = participant.id_hint if pid == participant.person_key else None
                people.append((pid, kept or link_id("participant", row_id, pid)))
        if not people:
            self.rejected.append(Rejection(item.ref, "none of its participants is imported"))
            return None
        event = events.get(item.event_key or "") or (
            item.event_key if self.existing.exists("event", item.event_key) else None
        )
        self.rows["conversation"].append({**item.fields, "id": row_id, "event": event})
        for pid, participant_id in people:
            self.rows["participant"].append(
                {"id": participant_id, "conversation": row_id, "person": pid}
            )
        for tag in item.tags:
            name = tag.name if tag.id_hint else normalise_tag(tag.name)
            if name:
                self.rows["tag"].append(
                    {"id": tag.id_hint or new_id(), "conversation": row_id, "name": name}
                )
        return row_id

    def _introductions(self) -> None:
        for item in self.parsed.introductions:
            pid = self.person_ids.get(item.person_key)
            introducer = self.person_ids.get(item.introducer_key) if item.introducer_key else None
            other = self.person_ids.get(item.other_key) if item.other_key else None
            if (
                pid is None
                or (item.introducer_key and introducer is None)
                or (item.other_key and other is None)
            ):
                self.rejected.append(Rejection(item.ref, "refers to a person who is not imported"))
                continue
            if introducer is None and other is None:
                continue
            row_id = item.id_hint or new_id()
            if self.existing.exists("introduction", row_id):
                self.skipped["introduction"] += 1
                continue
            self.rows["introduction"].append(
                {
                    **item.fields,
                    "id": row_id,
                    "person": pid,
                    "introducer": introducer,
                    "other": other,
                }
            )

    def _attendances(self, events: dict[str, str]) -> None:
        for item in self.parsed.attendances:
            pid = self.person_ids.get(item.person_key)
            event = events.get(item.event_key) or (
                item.event_key if self.existing.exists("event", item.event_key) else None
            )
            if pid is None or event is None:
                self.rejected.append(
                    Rejection(item.ref, "refers to an event or person not imported")
                )
                continue
            unchanged = pid == item.person_key and event == item.event_key
            row_id = (item.id_hint if unchanged else None) or link_id("attendance", event, pid)
            if self.existing.exists("attendance", row_id):
                self.skipped["attendance"] += 1
                continue
            self.rows["attendance"].append(
                {**item.fields, "id": row_id, "event": event, "person": pid}
            )
