"""Our own full JSON export, read back losslessly (every id and value kept as written).

The rows are checked field by field (types, allowed values, references inside the file)
and a bad row is rejected with its list and position, ``people[3]: circle …``; the rest
imports. Rows whose id already exists in the data folder are left alone (the local copy
wins), so importing the same export twice changes nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from desktop.domain.dates import normalise_day
from desktop.services.exporting.json_format import FORMAT, FORMAT_VERSION, LISTS, columns, from_json
from desktop.services.importing.records import (
    ImportFileError,
    IncomingAttendance,
    IncomingCommitment,
    IncomingContact,
    IncomingConversation,
    IncomingDate,
    IncomingEvent,
    IncomingExchange,
    IncomingIntroduction,
    IncomingParticipant,
    IncomingPerson,
    IncomingTag,
    ParsedFile,
    Rejection,
)
from desktop.services.importing.text import decode
from desktop.storage.models import (
    ATTENDANCE_STATUSES,
    CIRCLES,
    COMMITMENT_OWNERS,
    COMMITMENT_STATUSES,
    CONTACT_KINDS,
    CONVERSATION_KINDS,
    DEPTHS,
    EXCHANGE_DIRECTIONS,
    EXCHANGE_KINDS,
)

_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("people", "circle"): CIRCLES,
    ("contact_points", "kind"): CONTACT_KINDS,
    ("conversations", "kind"): CONVERSATION_KINDS,
    ("conversations", "depth"): DEPTHS,
    ("commitments", "owner"): COMMITMENT_OWNERS,
    ("commitments", "status"): COMMITMENT_STATUSES,
    ("exchanges", "direction"): EXCHANGE_DIRECTIONS,
    ("exchanges", "kind"): EXCHANGE_KINDS,
    ("attendances", "status"): ATTENDANCE_STATUSES,
}


def looks_like_rapport(root: Any) -> bool:
    return isinstance(root, dict) and root.get("format") == FORMAT


def _row(list_name: str, index: int, raw: Any) -> dict[str, Any] | Rejection:
    """A JSON row as field values (model names), or why it cannot be used."""
    ref = f"{list_name}[{index}]"
    if not isinstance(raw, dict):
        return Rejection(ref, "not an object")
    model = dict(LISTS)[list_name]
    values: dict[str, Any] = {}
    for key, name, field in columns(model):
        if key not in raw:
            if name == "id":
                return Rejection(ref, "has no id")
            continue  # a field added in a later version: the default applies
        try:
            values[name] = from_json(field, raw[key])
        except ValueError as exc:
            return Rejection(ref, f"{key} {exc}")
        allowed = _CHOICES.get((list_name, name))
        if allowed and values[name] not in allowed:
            return Rejection(ref, f"{key} must be one of {', '.join(allowed)}")
    if not values["id"] or len(values["id"]) > 100:
        return Rejection(ref, "has an empty or overlong id")
    return values


def parse_rapport_object(root: dict[str, Any], source: str) -> ParsedFile:
    version = root.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise ImportFileError(f"{source}: the Rapport export has no format_version")
    if version > FORMAT_VERSION:
        raise ImportFileError(
            f"{source}: written by a newer Rapport (export format {version}, this one reads "
            f"{FORMAT_VERSION}); update Rapport to import it"
        )
    parsed = ParsedFile("rapport", "Rapport export (JSON)")
    parsed.details["format_version"] = version
    rows: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for list_name, _ in LISTS:
        items = root.get(list_name, [])
        if not isinstance(items, list):
            parsed.rejected.append(Rejection(list_name, "is not a list"))
            continue
        for index, raw in enumerate(items):
            result = _row(list_name, index, raw)
            if isinstance(result, Rejection):
                parsed.rejected.append(result)
            else:
                rows[list_name].append((f"{list_name}[{index}]", result))
    _assemble(parsed, rows)
    return parsed


def _assemble(parsed: ParsedFile, rows: dict[str, list[tuple[str, dict[str, Any]]]]) -> None:
    people: dict[str, IncomingPerson] = {}
    for ref, values in rows["people"]:
        if not str(values.get("full_name", "")).strip():
            parsed.rejected.append(Rejection(ref, "full_name is empty"))
            continue
        pid = values.pop("id")
        people[pid] = IncomingPerson(ref, pid, values, id_hint=pid, exact=True)
    conversations: dict[str, IncomingConversation] = {}
    for ref, values in rows["conversations"]:
        cid = values.pop("id")
        event = values.pop("event", None)
        conversations[cid] = IncomingConversation(
            ref, cid, values, [], event_key=event, id_hint=cid
        )
    events = {}
    for ref, values in rows["events"]:
        eid = values.pop("id")
        events[eid] = IncomingEvent(ref, eid, values, id_hint=eid)
    for ref, values in rows["contact_points"]:
        person = people.get(values.get("person", ""))
        if person is None:
            parsed.rejected.append(Rejection(ref, "refers to a person not in the file"))
            continue
        person.contacts.append(
            IncomingContact(
                values.get("kind", "email"),
                values.get("value", ""),
                values.get("label", ""),
                values.get("original", ""),
                values["id"],
            )
        )
    for ref, values in rows["dates"]:
        person = people.get(values.get("person", ""))
        if person is None:
            parsed.rejected.append(Rejection(ref, "refers to a person not in the file"))
            continue
        day = normalise_day(str(values.get("day", "")))
        if day is None:
            parsed.rejected.append(Rejection(ref, f"day {values.get('day')!r} is not a date"))
            continue
        person.dates.append(IncomingDate(str(values.get("label", "")), day, values["id"]))
    for ref, values in rows["tags"]:
        tag = IncomingTag(values.get("name", ""), values["id"])
        if values.get("person") in people:
            people[values["person"]].tags.append(tag)
        elif values.get("conversation") in conversations:
            conversations[values["conversation"]].tags.append(tag)
        else:
            parsed.rejected.append(
                Rejection(ref, "refers to no person or conversation in the file")
            )
    for ref, values in rows["participants"]:
        conversation = conversations.get(values.get("conversation", ""))
        if conversation is None or values.get("person") not in people:
            parsed.rejected.append(
                Rejection(ref, "refers to a conversation or person not in the file")
            )
            continue
        conversation.participants.append(IncomingParticipant(values["person"], values["id"]))
    for ref, values in rows["commitments"]:
        parsed.commitments.append(
            IncomingCommitment(
                ref,
                values.pop("person", ""),
                _rest(values),
                values.pop("conversation", None),
                values["id"],
            )
        )
    for ref, values in rows["exchanges"]:
        parsed.exchanges.append(
            IncomingExchange(
                ref,
                values.pop("person", ""),
                _rest(values),
                values.pop("conversation", None),
                values["id"],
            )
        )
    for ref, values in rows["introductions"]:
        parsed.introductions.append(
            IncomingIntroduction(
                ref,
                values.pop("person", ""),
                values.pop("introducer", None),
                values.pop("other", None),
                _rest(values),
                values["id"],
            )
        )
    for ref, values in rows["attendances"]:
        parsed.attendances.append(
            IncomingAttendance(
                ref, values.pop("event", ""), values.pop("person", ""), _rest(values), values["id"]
            )
        )
    parsed.people = list(people.values())
    parsed.conversations = list(conversations.values())
    parsed.events = list(events.values())


def _rest(values: dict[str, Any]) -> dict[str, Any]:
    """The row's own fields (id and references are carried separately)."""
    return {
        k: v
        for k, v in values.items()
        if k not in ("id", "person", "conversation", "introducer", "other", "event")
    }


def parse_rapport(data: bytes, source: str) -> ParsedFile:
    text, _ = decode(data, source)
    try:
        root = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{source}: this is not valid JSON ({exc})") from exc
    if not looks_like_rapport(root):
        raise ImportFileError(f"{source}: this JSON file is not a Rapport export")
    return parse_rapport_object(root, source)
