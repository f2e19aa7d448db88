"""Monica (the open-source personal CRM) v4 JSON export: people and the history around them.

Monica 4's exporter (``JsonExportAccount`` with ``app/ExportResources``) writes
``{"version": "1.0-preview.1", "account": {"data": [collections…], "instance": {…}}}``;
each collection is ``{"count", "type", "values"}``, each record ``{"uuid", "created_at",
"updated_at", "properties", "data"}``. Collection types are singular in the exporter's
code ("contact", "contact_field") and plural in some files seen in the wild
("contacts"); both are accepted. How each record becomes people, conversations,
promises and exchanges is documented in docs/formats.md ("Monica").

Every record keeps a stable id derived from its Monica uuid, so importing the same
export twice adds nothing the second time.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from typing import Any

from desktop.services.importing import keys
from desktop.services.importing.monica_history import (
    MonicaHistory,
    _collections,
    _day,
    _moment,
    _props,
    _special_date,
    _text,
    _uuid,
)
from desktop.services.importing.records import (
    ImportFileError,
    IncomingContact,
    IncomingDate,
    IncomingIntroduction,
    IncomingPerson,
    IncomingTag,
    ParsedFile,
    Rejection,
)
from desktop.services.importing.text import (
    clean_name,
    decode,
)
from desktop.services.importing.vcard import checked_photo
from desktop.storage.models import link_id

FAMILY_RELATIONS = frozenset(
    {
        "partner",
        "spouse",
        "date",
        "lover",
        "ex",
        "exhusband",
        "exwife",
        "parent",
        "child",
        "son",
        "daughter",
        "sibling",
        "brother",
        "sister",
        "grandparent",
        "grandchild",
        "uncle",
        "aunt",
        "nephew",
        "niece",
        "cousin",
        "godfather",
        "godmother",
        "godson",
        "goddaughter",
        "godparent",
        "godchild",
        "stepparent",
        "stepchild",
        "inlovewith",
        "lovedby",
    }
)


class _Reader(MonicaHistory):
    def __init__(self, root: dict[str, Any], region: str | None) -> None:
        account = root["account"]
        self.region = region
        self.parsed = ParsedFile("monica", "Monica export (JSON)")
        self.data = _collections(account.get("data"))
        instance = account.get("instance") if isinstance(account.get("instance"), dict) else {}
        self.field_types = _by_uuid(instance.get("contact_field_types"))
        self.activity_types = _by_uuid(instance.get("activity_types"))
        self.photos = {_uuid(p, ""): _props(p) for p in self.data.get("photo", [])}
        self.me = {
            str(_props(u).get("me_contact"))
            for u in self.data.get("user", [])
            if isinstance(u, dict)
        }
        self.names: dict[str, str] = {}
        self.people: dict[str, IncomingPerson] = {}
        self.activity_people: dict[str, list[str]] = defaultdict(list)

    def read(self) -> ParsedFile:
        contacts = self.data.get("contact", [])
        for index, record in enumerate(contacts, 1):
            uid = _uuid(record, f"contact-{index}")
            name = self._name(_props(record))
            if name:
                self.names[uid] = name
        for index, record in enumerate(contacts, 1):
            uid = _uuid(record, f"contact-{index}")
            ref = f"contact {index}" + (f" ({self.names[uid]})" if uid in self.names else "")
            if uid in self.me:
                continue  # the user's own card
            if not isinstance(record, dict):
                self.parsed.rejected.append(Rejection(ref, "not a contact record"))
                continue
            if uid not in self.names:
                self.parsed.rejected.append(Rejection(ref, "the contact has no name"))
                continue
            try:
                self._contact(record, uid, ref)
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
                self.parsed.rejected.append(
                    Rejection(ref, f"the contact could not be read ({exc})")
                )
                self.people.pop(uid, None)
        self.parsed.people = list(self.people.values())
        self._relationships()
        self._activities()
        return self.parsed

    def _name(self, props: dict[str, Any]) -> str:
        parts = [_text(props.get(k), 200) for k in ("first_name", "middle_name", "last_name")]
        return clean_name(" ".join(p for p in parts if p)) or clean_name(
            _text(props.get("nickname"))
        )

    def _contact(self, record: dict[str, Any], uid: str, ref: str) -> None:
        props = _props(record)
        fields: dict[str, Any] = {"full_name": self.names[uid]}
        for source, target in (
            ("nickname", "nickname"),
            ("job", "headline"),
            ("company", "organization"),
        ):
            value = clean_name(_text(props.get(source)))
            if value:
                fields[target] = value
        about: list[str] = []
        if _text(props.get("description")):
            about.append(_text(props.get("description")))
        if _text(props.get("food_preferences")):
            about.append(f"Food preferences: {_text(props['food_preferences'])}")
        dates: list[IncomingDate] = []
        birthday = _special_date(props.get("birthdate"))
        if birthday:
            dates.append(IncomingDate("birthday", birthday))
        if props.get("is_dead"):
            died = _special_date(props.get("deceased_date"))
            about.append(f"Deceased{' on ' + died if died else ''}.")
        frequency = props.get("stay_in_touch_frequency")
        if isinstance(frequency, int) and 0 < frequency < 100_000:
            fields["cadence_days"] = frequency
        person = IncomingPerson(
            ref, uid, fields, id_hint=link_id("monica", "contact", uid), dates=dates
        )
        person.tags = [
            IncomingTag(clean_name(t)) for t in props.get("tags") or [] if isinstance(t, str)
        ]
        self._photo(props.get("avatar"), person)
        data = _collections(record.get("data"))
        family: list[str] = []
        help_them: list[str] = []
        for field_record in data.get("contact_field", []):
            self._contact_field(field_record, person)
        for address in data.get("address", []):
            self._address(address, person)
        for note in data.get("note", []):
            body = _text(_props(note).get("body"))
            if body:
                when = _day(note.get("created_at") if isinstance(note, dict) else None)
                about.append(f"Note{' (' + when.isoformat() + ')' if when else ''}: {body}")
        for pet in data.get("pet", []):
            pet_props = _props(pet)
            name, kind = _text(pet_props.get("name"), 200), _text(pet_props.get("category"), 100)
            if name or kind:
                family.append(f"Pet: {name}{' (' + kind + ')' if kind and name else kind}")
        for event in data.get("life_event", []):
            event_props = _props(event)
            when = _day(event_props.get("happened_at"))
            title = _text(event_props.get("name"), 500)
            note = _text(event_props.get("note"), 2000)
            if title or note:
                about.append(
                    f"Life event{' ' + when.isoformat() if when else ''}: "
                    f"{title}{' — ' + note if note and title else note}"
                )
        for index, reminder in enumerate(data.get("reminder", []), 1):
            self._reminder(reminder, uid, f"{ref}, reminder {index}", about, dates)
        for index, task in enumerate(data.get("task", []), 1):
            self._task(task, uid, f"{ref}, task {index}")
        for index, gift in enumerate(data.get("gift", []), 1):
            self._gift(gift, uid, f"{ref}, gift {index}", help_them)
        for index, debt in enumerate(data.get("debt", []), 1):
            self._debt(debt, uid, f"{ref}, debt {index}")
        for index, call in enumerate(data.get("call", []), 1):
            self._call(call, uid, f"{ref}, call {index}")
        for index, conversation in enumerate(data.get("conversation", []), 1):
            self._conversation(conversation, uid, f"{ref}, conversation {index}")
        for activity in data.get("activity", []):
            activity_id = activity if isinstance(activity, str) else _uuid(activity, "")
            if activity_id:
                self.activity_people[activity_id].append(uid)
        self._how_we_met(props, uid, fields)
        if about:
            fields["about"] = "\n".join(about)
        if family:
            fields["family"] = "\n".join(family)
        if help_them:
            fields["help_them"] = "\n".join(help_them)
        self.people[uid] = person

    def _photo(self, avatar: Any, person: IncomingPerson) -> None:
        if not isinstance(avatar, dict) or not avatar.get("avatar_photo"):
            return
        photo = self.photos.get(str(avatar["avatar_photo"]), {})
        url = photo.get("dataUrl")
        if isinstance(url, str) and url.startswith("data:") and "," in url:
            try:
                data = base64.b64decode(url.split(",", 1)[1] + "==", validate=False)
            except (binascii.Error, ValueError):
                return
            image = checked_photo(data, person.ref, self.parsed.warnings)
            if image:
                person.fields["photo"] = image

    def _contact_field(self, record: Any, person: IncomingPerson) -> None:
        props = _props(record)
        value = _text(props.get("data"), 2000)
        if not value:
            return
        kind_props = self.field_types.get(str(props.get("type")), {})
        type_name = _text(kind_props.get("name"), 60)
        kind = str(kind_props.get("type") or "").lower()
        protocol = str(kind_props.get("protocol") or "").lower()
        if kind == "email" or protocol.startswith("mailto") or (not kind_props and "@" in value):
            person.contacts.append(IncomingContact("email", value, "", value))
        elif kind == "phone" or protocol.startswith("tel"):
            shown, _ = keys.normalise_phone(value[:100], self.region)
            person.contacts.append(IncomingContact("phone", shown, "", value))
        elif value.startswith(("http://", "https://")) and not type_name:
            person.contacts.append(IncomingContact("url", value, "", value))
        else:
            person.contacts.append(IncomingContact("social", value, type_name.lower(), value))

    def _address(self, record: Any, person: IncomingPerson) -> None:
        props = _props(record)
        parts = [
            _text(props.get(k), 500)
            for k in ("street", "city", "province", "postal_code", "country")
        ]
        value = ", ".join(p for p in parts if p)
        if value:
            label = _text(props.get("name"), 60).lower()
            person.contacts.append(IncomingContact("address", value, label, value))
            place = ", ".join(p for p in (parts[1], parts[4]) if p)
            if place:
                person.fields.setdefault("location", place)

    def _how_we_met(self, props: dict[str, Any], uid: str, fields: dict[str, Any]) -> None:
        through = props.get("first_met_through")
        met = _special_date(props.get("first_met_date"))
        info = _text(props.get("first_met_additional_info"), 2000)
        where = _text(props.get("first_met_where"), 500)
        parts = []
        introducer = str(through) if isinstance(through, str) and through in self.names else None
        if introducer:
            parts.append(f"Met through {self.names[introducer]}")
        if where:
            parts.append(f"at {where}" if parts else f"Met at {where}")
        if met:
            parts.append(f"on {met}" if parts else f"Met on {met}")
        text = " ".join(parts)
        if info:
            text = f"{text}. {info}" if text else info
        if text:
            fields["how_we_met"] = text
        if introducer and introducer not in self.me:
            day = _moment(props.get("first_met_date"))
            self.parsed.introductions.append(
                IncomingIntroduction(
                    f"contact {self.names[uid]}, how we met",
                    uid,
                    introducer,
                    None,
                    {"happened_at": day, "note": info},
                    link_id("monica", "introduction", uid),
                )
            )

    def _relationships(self) -> None:
        by_uid = {person.key: person for person in self.parsed.people}
        for record in self.data.get("relationship", []):
            props = _props(record)
            kind = _text(props.get("type"), 60).lower()
            who, of = str(props.get("contact_is")), str(props.get("of_contact"))
            if who not in by_uid or of not in self.names or not kind:
                continue
            line = f"{kind.replace('_', ' ').capitalize()} of {self.names[of]}"
            field = "family" if kind in FAMILY_RELATIONS else "about"
            fields = by_uid[who].fields
            if line not in fields.get(field, ""):
                fields[field] = f"{fields[field]}\n{line}" if fields.get(field) else line


def _by_uuid(items: Any) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("uuid"):
            out[str(item["uuid"])] = {
                **_props(item),
                **{k: v for k, v in item.items() if k != "properties"},
            }
    return out


def looks_like_monica(root: Any) -> bool:
    return (
        isinstance(root, dict)
        and isinstance(root.get("account"), dict)
        and ("version" in root or "exported_by" in root or "data" in root["account"])
    )


def parse_monica(data: bytes, source: str, *, region: str | None = None) -> ParsedFile:
    """Read a Monica v4 JSON export; ImportFileError when it is not one."""
    text, _ = decode(data, source)
    try:
        root = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{source}: this is not valid JSON ({exc})") from exc
    return parse_monica_object(root, source, region=region)


def parse_monica_object(root: Any, source: str, *, region: str | None = None) -> ParsedFile:
    if not looks_like_monica(root):
        raise ImportFileError(f"{source}: this JSON file is not a Monica export (no account)")
    if not isinstance(root["account"].get("data"), list | dict):
        raise ImportFileError(f"{source}: this Monica export holds no data list")
    parsed = _Reader(root, region).read()
    parsed.details["version"] = str(root.get("version", ""))[:40]
    parsed.details["app_version"] = str(root.get("app_version", ""))[:40]
    return parsed
