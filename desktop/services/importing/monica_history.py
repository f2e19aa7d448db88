"""Monica's history records — calls, message threads, activities, tasks, reminders, gifts and
debts — as Rapport conversations, promises and exchanges (mapping: docs/formats.md).

Split from :mod:`monica` so each module stays readable; :class:`MonicaHistory` is mixed
into its reader and shares its state (names, field and activity types, the parsed file).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from desktop.domain.display_names import first_name
from desktop.services.importing.records import (
    IncomingCommitment,
    IncomingConversation,
    IncomingDate,
    IncomingExchange,
    IncomingParticipant,
    IncomingPerson,
    ParsedFile,
)
from desktop.services.importing.text import birthday_text, clean, parse_date, parse_datetime
from desktop.storage.models import link_id

_TYPES = {
    "contacts": "contact",
    "users": "user",
    "relationships": "relationship",
    "activities": "activity",
    "photos": "photo",
    "documents": "document",
    "calls": "call",
    "contact_fields": "contact_field",
    "debts": "debt",
    "gifts": "gift",
    "notes": "note",
    "reminders": "reminder",
    "tasks": "task",
    "addresses": "address",
    "pets": "pet",
    "conversations": "conversation",
    "life_events": "life_event",
}
_MEAL_WORDS = ("ate", "food", "dinner", "lunch", "breakfast", "restaurant", "coffee", "drink")


def _type(collection: dict[str, Any]) -> str:
    name = str(collection.get("type", "")).lower().replace("-", "_")
    return _TYPES.get(name, name)


def _collections(node: Any) -> dict[str, list[Any]]:
    """{singular type: values} of a ``data`` list (a dict of lists is accepted too)."""
    out: dict[str, list[Any]] = defaultdict(list)
    items = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    for collection in items:
        if isinstance(collection, dict) and isinstance(collection.get("values"), list):
            out[_type(collection)].extend(collection["values"])
    return out


def _props(record: Any) -> dict[str, Any]:
    if not isinstance(record, dict):
        return {}
    props = record.get("properties")
    return props if isinstance(props, dict) else {}


def _text(value: Any, limit: int = 100_000) -> str:
    return clean(value, limit) if isinstance(value, str | int | float) else ""


def _moment(value: Any) -> datetime | None:
    if isinstance(value, dict):  # a SpecialDate
        value = value.get("date")
    return parse_datetime(value) if isinstance(value, str) else None


def _day(value: Any) -> date | None:
    if isinstance(value, dict):
        value = value.get("date")
    return parse_date(value.split("T")[0]) if isinstance(value, str) else None


def _special_date(value: Any) -> str:
    """A Monica SpecialDate as ISO text ("--05-15" when the year is unknown)."""
    if not isinstance(value, dict) or not isinstance(value.get("date"), str):
        return ""
    day = birthday_text(value["date"].split("T")[0].split(" ")[0])
    if day and value.get("is_year_unknown") and not day.startswith("--"):
        day = "--" + day[5:]
    return day


def _uuid(record: Any, fallback: str) -> str:
    value = record.get("uuid") if isinstance(record, dict) else None
    return str(value)[:100] if isinstance(value, str) and value else fallback


class MonicaHistory:
    """History readers of the Monica export (mixed into its contact reader)."""

    parsed: ParsedFile
    names: dict[str, str]
    people: dict[str, IncomingPerson]
    field_types: dict[str, dict[str, Any]]
    activity_types: dict[str, dict[str, Any]]
    activity_people: defaultdict[str, list[str]]

    def _reminder(
        self,
        record: Any,
        uid: str,
        ref: str,
        about: list[str],
        dates: list[IncomingDate] | None = None,
    ) -> None:
        props = _props(record)
        title = _text(props.get("title"), 1000)
        if not title:
            return
        description = _text(props.get("description"), 5000)
        frequency = str(props.get("frequency_type") or "one_time")
        due = _day(props.get("initial_date"))
        if frequency == "year" and (props.get("frequency_number") or 1) == 1 and due:
            birthday = "birthday" in title.casefold() and any(
                d.label == "birthday" for d in dates or ()
            )
            if dates is not None and not birthday:
                # A yearly reminder is a date that matters ("Wedding anniversary"); its
                # initial date is when the reminding began, so only month and day count.
                dates.append(IncomingDate(title[:80], f"--{due.month:02d}-{due.day:02d}"))
                return
        if frequency != "one_time":
            every = props.get("frequency_number") or 1
            unit = frequency.rstrip("s")
            period = unit if every == 1 else f"{every} {unit}s"
            when = f" from {due.isoformat()}" if due else ""
            about.append(f"Reminder every {period}{when}: {title}")
            return
        text = f"{title} — {description}" if description else title
        self.parsed.commitments.append(
            IncomingCommitment(
                ref,
                uid,
                {
                    "owner": "me",
                    "description": text,
                    "due": due,
                    "status": "released" if props.get("inactive") else "open",
                    "made_at": _moment(record.get("created_at")),
                },
                id_hint=link_id("monica", "reminder", _uuid(record, ref)),
            )
        )

    def _task(self, record: Any, uid: str, ref: str) -> None:
        props = _props(record)
        title = _text(props.get("title"), 1000)
        if not title:
            return
        description = _text(props.get("description"), 5000)
        done = bool(props.get("completed"))
        self.parsed.commitments.append(
            IncomingCommitment(
                ref,
                uid,
                {
                    "owner": "me",
                    "description": f"{title} — {description}" if description else title,
                    "status": "kept" if done else "open",
                    "resolved_at": _moment(props.get("completed_at")) if done else None,
                    "made_at": _moment(record.get("created_at")),
                },
                id_hint=link_id("monica", "task", _uuid(record, ref)),
            )
        )

    def _gift(self, record: Any, uid: str, ref: str, help_them: list[str]) -> None:
        props = _props(record)
        name = _text(props.get("name"), 1000)
        if not name:
            return
        comment = _text(props.get("comment"), 5000)
        url = _text(props.get("url"), 2000)
        description = " — ".join(p for p in (name, comment, url) if p)
        status = str(props.get("status") or "idea").lower()
        if status not in ("offered", "received"):
            help_them.append(f"Gift idea: {description}")
            return
        self.parsed.exchanges.append(
            IncomingExchange(
                ref,
                uid,
                {
                    "direction": "give" if status == "offered" else "receive",
                    "kind": "gift",
                    "description": description,
                    "happened_at": _moment(props.get("date")) or _moment(record.get("created_at")),
                },
                id_hint=link_id("monica", "gift", _uuid(record, ref)),
            )
        )

    def _debt(self, record: Any, uid: str, ref: str) -> None:
        props = _props(record)
        amount = props.get("amount")
        currency = _text(props.get("currency"), 10)
        how_much = f"{amount} {currency}".strip() if amount is not None else "the money"
        i_owe = bool(props.get("in_debt"))
        done = str(props.get("status") or "").lower() in ("complete", "completed", "paid")
        self.parsed.commitments.append(
            IncomingCommitment(
                ref,
                uid,
                {
                    "owner": "me" if i_owe else "them",
                    "description": f"Pay back {how_much}" if i_owe else f"Pay me back {how_much}",
                    "status": "kept" if done else "open",
                    "resolved_at": _moment(record.get("updated_at")) if done else None,
                    "made_at": _moment(record.get("created_at")),
                },
                id_hint=link_id("monica", "debt", _uuid(record, ref)),
            )
        )

    def _call(self, record: Any, uid: str, ref: str) -> None:
        props = _props(record)
        when = _moment(props.get("called_at")) or _moment(record.get("created_at"))
        content = _text(props.get("content"))
        emotions = [e for e in props.get("emotions") or [] if isinstance(e, str)]
        if emotions:
            content = (content + "\n" if content else "") + "Mood: " + ", ".join(emotions)
        self._add_conversation(
            ref,
            "call",
            [uid],
            {
                "happened_at": when,
                "kind": "call",
                "title": "They called" if props.get("contact_called") else "Call",
                "notes": content,
            },
        )

    def _conversation(self, record: Any, uid: str, ref: str) -> None:
        props = _props(record)
        first = first_name(self.names.get(uid, "Them"), "Them")
        lines = []
        for message in props.get("messages") or []:
            message_props = _props(message) or (message if isinstance(message, dict) else {})
            content = _text(message_props.get("content"), 20_000)
            if content:
                who = "Me" if message_props.get("written_by_me") else first
                lines.append(f"{who}: {content}")
        channel = self.field_types.get(str(props.get("contact_field_type")), {})
        kind = "email" if str(channel.get("type") or "").lower() == "email" else "message"
        self._add_conversation(
            ref,
            "conversation",
            [uid],
            {
                "happened_at": _moment(props.get("happened_at")),
                "kind": kind,
                "notes": "\n".join(lines),
            },
            record,
        )

    def _add_conversation(
        self, ref: str, kind: str, uids: list[str], fields: dict[str, Any], record: Any = None
    ) -> None:
        source_id = _uuid(record, "") if record is not None else ""
        key = link_id("monica", kind, source_id or ref)
        self.parsed.conversations.append(
            IncomingConversation(
                ref, key, fields, [IncomingParticipant(u) for u in uids], id_hint=key
            )
        )

    def _activities(self) -> None:
        for index, record in enumerate(self.data.get("activity", []), 1):
            uid = _uuid(record, "")
            people = [p for p in self.activity_people.get(uid, []) if p in self.people]
            if not uid or not people:
                continue
            props = _props(record)
            activity_type = self.activity_types.get(str(props.get("type")), {})
            type_text = " ".join(
                str(activity_type.get(k) or "") for k in ("name", "translation_key", "category")
            ).lower()
            kind = "meal" if any(word in type_text for word in _MEAL_WORDS) else "in_person"
            self.parsed.conversations.append(
                IncomingConversation(
                    f"activity {index}",
                    uid,
                    {
                        "happened_at": _moment(props.get("happened_at")),
                        "kind": kind,
                        "title": _text(props.get("summary"), 500)
                        or _text(activity_type.get("name"), 200),
                        "notes": _text(props.get("description")),
                        "depth": "personal",
                    },
                    [IncomingParticipant(p) for p in dict.fromkeys(people)],
                    id_hint=link_id("monica", "activity", uid),
                )
            )
