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


_LIST_PROPS = {"EMAIL": "email", "TEL": "phone", "ADR": "address", "URL": "url"}
_PROP_OF_FIELD = {prop: name for name, props in _PROPS.items() for prop in props}


def _value_key(line: str, kind: str) -> str:
    """The item key of a contact line as the vCard import would read its value."""
    from desktop.services.importing.vcard_lexer import split_escaped, unescape

    value = _line_value(line)
    if kind == "address":
        parts = [unescape(p).strip() for p in split_escaped(value, ";")] + [""] * 7
        pobox, extended, street, city, region, code, country = parts[:7]
        pieces = [p.replace("\n", ", ") for p in (pobox, extended, street, city, region, code)]
        value = ", ".join(p for p in (*pieces, country) if p)
    else:
        value = unescape(value)
    return item_key(kind, value)


def _line_value(line: str) -> str:
    """The value after the first ':' that is not inside a quoted parameter."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[index + 1 :]
    return ""


def card_text(
    person_id: str,
    local: LocalPerson,
    existing: str | None,
    uid: str | None,
    same: set[str] = frozenset(),  # type: ignore[assignment]
) -> str:
    """The card to upload: a new one, or ``existing`` patched.

    Patching keeps every line of the server's card that Rapport does not manage, the
    lines of fields in ``same`` (values both sides already agree on: the phone's own
    formatting — an ORG with a department, a structured address — is not rewritten),
    the contact lines whose item Rapport still has, and adds lines only for what
    changed."""
    from desktop.services.exporting.vcard_export import fold

    if existing is None:
        ours = _logical_lines(_export(person_id, local))
        head = [line for line in ours if _prop_name(line)[1] in ("BEGIN", "VERSION", "PRODID")]
        head.append(f"UID:{uid or 'urn:uuid:' + person_id}")
        body = [line for line in ours if _prop_name(line)[1] not in _FRAME]
        return "\r\n".join(fold(x) for x in [*head, *body, "END:VCARD"]) + "\r\n"
    skip = set(local.hidden) | set(same)
    managed = {prop for name, props in _PROPS.items() if name not in skip for prop in props}
    lists = "contact_points" not in local.hidden
    wanted = {(kind, item_key(kind, value)) for kind, _label, value in local.contacts}
    theirs = _logical_lines(existing)
    covered: set[tuple[str, str]] = set()
    dropped_groups: set[str] = set()
    kept = []
    for line in theirs:
        group, name = _prop_name(line)
        if name == "END":
            continue
        if lists and name in _LIST_PROPS:
            key = (_LIST_PROPS[name], _value_key(line, _LIST_PROPS[name]))
            if key in wanted and key not in covered:
                covered.add(key)
                kept.append(line)
            elif group:
                dropped_groups.add(group)
            continue
        if name in managed and name not in _LIST_PROPS:
            if group:
                dropped_groups.add(group)
            continue
        kept.append(line)
    kept = [
        line
        for line in kept
        if not (
            _prop_name(line)[1] in ("X-ABLABEL", "X-ABADR")
            and _prop_name(line)[0] in dropped_groups
        )
    ]
    missing = [c for c in local.contacts if (c[0], item_key(c[0], c[2])) not in covered]
    partial = LocalPerson(local.fields, missing, local.dates, local.confidential)
    ours = _logical_lines(_export(person_id, partial))
    body = [
        line
        for line in ours
        if _prop_name(line)[1] not in _FRAME
        and (
            _prop_name(line)[1] in _LIST_PROPS
            or _prop_name(line)[1] == "X-ABLABEL"
            or _PROP_OF_FIELD.get(_prop_name(line)[1]) not in skip
        )
        and not (_prop_name(line)[1] in _LIST_PROPS and not lists)
    ]
    grouped = {_prop_name(line)[0] for line in body if _prop_name(line)[1] != "X-ABLABEL"}
    body = [
        line
        for line in body
        if _prop_name(line)[1] != "X-ABLABEL" or _prop_name(line)[0] in grouped
    ]
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


_FRAME = ("BEGIN", "END", "VERSION", "PRODID", "UID")


def agreed(local: dict[str, Any], remote: dict[str, Any]) -> set[str]:
    """Fields (and "dates") on which the two snapshots agree: their lines stay as written."""
    same = {k for k in SCALARS if k in local and (local[k] or None) == (remote.get(k) or None)}
    dates = {k for k in (*local, *remote) if k.startswith("date:")}
    if all((local.get(k) or None) == (remote.get(k) or None) for k in dates):
        same.add("dates")
    return same
