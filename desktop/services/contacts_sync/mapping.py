"""A Rapport person ↔ a vCard in the address book: what travels, and how it is compared.

What travels: name (FN and N), nickname, organization, title, emails, phones,
addresses, URLs, birthday and the other dates, photo. What never travels: trust,
promises, conversations, circles, tags, notes, Rapport's own fields, and any field the
person's ``confidential_fields`` names (``contact_points`` and ``dates`` there cover
those lists) — those are neither uploaded nor overwritten from the address book.

Cards are written by the vCard export and read by the vCard import (no second parser).
A card the server already holds is *patched*: only the properties Rapport manages are
replaced, so what another app keeps there (notes, groups, social profiles, a value
Rapport keeps confidential) stays as it was.

A *snapshot* is the comparable form of one side: ``{"full_name": …, "photo": <sha256>,
"date:birthday": "1985-04-12", "email": [[value, label], …], …}``. Sync keeps the last
snapshot of each side and merges field by field against them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.services.exporting.common import ExportPerson, hidden_fields
from desktop.services.exporting.vcard_export import card as export_card
from desktop.services.importing.records import IncomingPerson
from desktop.services.importing.vcard import parse_vcard

SCALARS = ("full_name", "nickname", "organization", "headline", "photo")
LISTS = ("email", "phone", "address", "url")
#: vCard properties Rapport writes, by the person field (or list) they carry.
_PROPS = {
    "full_name": ("FN", "N"),
    "nickname": ("NICKNAME",),
    "organization": ("ORG",),
    "headline": ("TITLE",),
    "photo": ("PHOTO",),
    "contact_points": ("EMAIL", "TEL", "ADR", "URL"),
    "dates": ("BDAY", "ANNIVERSARY", "X-ABDATE"),
}
_GROUP = re.compile(r"^item(\d+)\.", re.IGNORECASE)
_UNFOLD = re.compile(r"\r?\n[ \t]")


@dataclass
class Side:
    """One person as one side holds it: snapshot plus what a snapshot only hashes."""

    snapshot: dict[str, Any]
    photo: bytes | None = None
    hidden: set[str] = field(default_factory=set)  # confidential here: never travels


def photo_digest(photo: bytes | None) -> str:
    return hashlib.sha256(photo).hexdigest()[:32] if photo else ""


def item_key(kind: str, value: str) -> str:
    """How two contact points are recognised as the same despite formatting."""
    text = value.strip().casefold()
    if kind == "phone":
        digits = re.sub(r"[^\d+]", "", text.removeprefix("tel:"))
        return digits[-10:] if len(digits) >= 10 else digits
    if kind == "email":
        return text.removeprefix("mailto:")
    return " ".join(text.replace(",", " ").split())


def snapshot(
    fields: dict[str, Any],
    contacts: list[tuple[str, str, str]],
    dates: list[tuple[str, str]],
    hidden: set[str] = frozenset(),  # type: ignore[assignment]
) -> dict[str, Any]:
    """The comparable form of a person; ``contacts`` are (kind, label, value)."""
    snap: dict[str, Any] = {}
    for name in SCALARS:
        if name in hidden:
            continue
        value = fields.get(name)
        snap[name] = photo_digest(value) if name == "photo" else str(value or "")
    if "contact_points" not in hidden:
        for kind in LISTS:
            snap[kind] = sorted([value, label] for k, label, value in contacts if k == kind)
    if "dates" not in hidden:
        for label, day in dates:
            snap.setdefault(f"date:{label or 'date'}", day)
    return snap


def from_card(text: str) -> tuple[IncomingPerson | None, str]:
    """The card read by the vCard import: (person, UID); person None for a group card."""
    unfolded = _UNFOLD.sub("", text)
    uid = ""
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        base = name.split(";")[0].upper()
        if base == "UID":
            uid = value.strip()
        if base in ("KIND", "X-ADDRESSBOOKSERVER-KIND") and value.strip().lower() == "group":
            return None, uid
    parsed = parse_vcard(text.encode("utf-8"), "the address book")
    return (parsed.people[0] if parsed.people else None), uid


def remote_side(person: IncomingPerson, hidden: set[str] = frozenset()) -> Side:  # type: ignore[assignment]
    contacts = [(c.kind, c.label, c.value) for c in person.contacts if c.kind in LISTS]
    dates = [(d.label, d.day) for d in person.dates]
    photo = person.fields.get("photo")
    return Side(snapshot(person.fields, contacts, dates, hidden), photo, set(hidden))


def _export(person_id: str, local: LocalPerson) -> str:
    fields = {name: local.fields.get(name) for name in SCALARS if name not in local.hidden}
    fields["full_name"] = local.fields.get("full_name", "")
    contacts = [] if "contact_points" in local.hidden else local.contacts
    dates = [] if "dates" in local.hidden else local.dates
    return export_card(ExportPerson(person_id, fields, list(contacts), [], list(dates)))


def _logical_lines(text: str) -> list[str]:
    return [line for line in _UNFOLD.sub("", text).splitlines() if line.strip()]


def _prop_name(line: str) -> tuple[str, str]:
    """(group, NAME) of a content line: ``item1.EMAIL;TYPE=x:…`` → ("item1", "EMAIL")."""
    head = re.split(r"[;:]", line, maxsplit=1)[0]
    group, _, name = head.rpartition(".")
    return group.lower(), name.upper()


def _version(lines: list[str]) -> str:
    for line in lines:
        if _prop_name(line)[1] == "VERSION":
            return line.partition(":")[2].strip()
    return "4.0"


def _as_v3(line: str) -> str:
    """vCard 3.0 has no data: URIs: a photo is ``PHOTO;ENCODING=b;TYPE=JPEG:…``."""
    match = re.match(r"^PHOTO:data:image/(\w+);base64,(.*)$", line, re.DOTALL)
    if match:
        return f"PHOTO;ENCODING=b;TYPE={match.group(1).upper()}:{match.group(2)}"
    return line


@dataclass
class LocalPerson:
    """A person as Rapport holds them, in the shape cards are made from."""

    fields: dict[str, Any]
    contacts: list[tuple[str, str, str]]  # kind, label, value
    dates: list[tuple[str, str]]  # label, day
    confidential: str = ""
    deleted: bool = False

    @property
    def hidden(self) -> set[str]:
        return hidden_fields(self.confidential)

    def side(self) -> Side:
        hidden = self.hidden
        photo = None if "photo" in hidden else self.fields.get("photo")
        return Side(snapshot(self.fields, self.contacts, self.dates, hidden), photo, hidden)


def card_text(person_id: str, local: LocalPerson, existing: str | None, uid: str | None) -> str:
    """The card to upload: a new one, or ``existing`` with Rapport's properties replaced."""
    from desktop.services.exporting.vcard_export import fold

    ours = _logical_lines(_export(person_id, local))
    managed = {prop for name, props in _PROPS.items() if name not in local.hidden for prop in props}
    body = [
        line
        for line in ours
        if _prop_name(line)[1] not in ("BEGIN", "END", "VERSION", "PRODID", "UID")
    ]
    if existing is None:
        head = [line for line in ours if _prop_name(line)[1] in ("BEGIN", "VERSION", "PRODID")]
        head.append(f"UID:{uid or 'urn:uuid:' + person_id}")
        return (
            "\r\n".join([*(fold(x) for x in head), *(fold(x) for x in body), "END:VCARD"]) + "\r\n"
        )
    theirs = _logical_lines(existing)
    dropped_groups = {
        _prop_name(line)[0]
        for line in theirs
        if _prop_name(line)[1] in managed and _prop_name(line)[0]
    }
    kept = []
    for line in theirs:
        group, name = _prop_name(line)
        if name in managed or name == "END":
            continue
        if name in ("X-ABLABEL", "X-ABADR") and group in dropped_groups:
            continue
        kept.append(line)
    used = [int(m.group(1)) for line in kept if (m := _GROUP.match(line))]
    offset = max(used, default=0)
    version3 = _version(theirs).startswith("3")
    for line in body:
        match = _GROUP.match(line)
        if match:
            line = f"item{int(match.group(1)) + offset}." + line[match.end() :]
        kept.append(_as_v3(line) if version3 else line)
    kept.append("END:VCARD")
    return "\r\n".join(fold(line) for line in kept) + "\r\n"
