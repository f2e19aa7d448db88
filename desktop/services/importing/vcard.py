"""vCard (2.1, 3.0, 4.0) cards to incoming people; the mapping is documented in docs/formats.md.

Phones' and Google/Apple/Outlook exports differ in details that matter here: Apple puts
labels on ``itemN.X-ABLabel`` lines and marks a birthday without a year as 1604,
Outlook writes quoted-printable 2.1, Google writes 3.0 with ``TYPE=INTERNET``, and 4.0
puts photos in ``data:`` URIs. Rapport has no birthday field, so a birthday becomes a
``Birthday: 1985-04-12`` line in *About*; Rapport-only fields travel as ``X-RAPPORT-*``
so our own vCard export comes back unchanged.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.services.importing import keys
from desktop.services.importing.records import (
    ImportFileError,
    IncomingContact,
    IncomingDate,
    IncomingPerson,
    IncomingTag,
    ParsedFile,
    Rejection,
)
from desktop.services.importing.text import (
    birthday_text,
    clean,
    clean_name,
    decode,
    legacy_encoding,
)
from desktop.services.importing.vcard_lexer import (
    BYTES,
    Prop,
    RawCard,
    cards,
    raw_value,
    split_escaped,
    unescape,
)
from desktop.storage.models import CIRCLES, link_id

MAX_PHOTO = 64 * 1024
#: Contact groups every Google/Apple export carries; not the user's own tags.
SYSTEM_GROUPS = frozenset({"mycontacts", "my contacts", "starred", "card"})
_TYPE_LABELS = {
    "CELL": "mobile",
    "MOBILE": "mobile",
    "IPHONE": "iphone",
    "HOME": "home",
    "WORK": "work",
    "FAX": "fax",
    "PAGER": "pager",
    "MAIN": "main",
    "OTHER": "other",
    "CAR": "car",
    "VIDEO": "video",
    "TEXTPHONE": "textphone",
}
_SOCIAL_PROPS = {
    "X-AIM": "aim",
    "X-ICQ": "icq",
    "X-JABBER": "jabber",
    "X-MSN": "msn",
    "X-YAHOO": "yahoo",
    "X-SKYPE": "skype",
    "X-SKYPE-USERNAME": "skype",
    "X-GOOGLE-TALK": "google talk",
    "X-GTALK": "google talk",
    "X-QQ": "qq",
    "X-TWITTER": "twitter",
    "X-LINKEDIN": "linkedin",
    "X-FACEBOOK": "facebook",
    "X-MASTODON": "mastodon",
}
#: Rapport fields without a standard vCard property (see docs/formats.md).
RAPPORT_PROPS = {
    "X-RAPPORT-PRONUNCIATION": "pronunciation",
    "X-RAPPORT-LOCATION": "location",
    "X-RAPPORT-HOW-WE-MET": "how_we_met",
    "X-RAPPORT-INTERESTS": "interests",
    "X-RAPPORT-FAMILY": "family",
    "X-RAPPORT-WORKING-ON": "working_on",
    "X-RAPPORT-HELP-THEM": "help_them",
    "X-RAPPORT-HELP-ME": "help_me",
    "X-RAPPORT-CIRCLE": "circle",
    "X-RAPPORT-CADENCE-DAYS": "cadence_days",
}
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")
_IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"))


@dataclass
class _Found:
    """What a card's properties said, gathered before the person is put together."""

    fields: dict[str, Any] = field(default_factory=dict)
    contacts: list[IncomingContact] = field(default_factory=list)
    tags: list[IncomingTag] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    extra_about: list[str] = field(default_factory=list)  # birthday, anniversary
    family: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    name_parts: list[str] = field(default_factory=list)
    phonetic: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    department: str = ""
    role: str = ""
    id_hint: str | None = None
    dates: list[IncomingDate] = field(default_factory=list)
    also_known_as: list[str] = field(default_factory=list)


class _Card:
    """Reads one raw card into an IncomingPerson, collecting warnings on the way."""

    def __init__(self, raw: RawCard, file_encoding: str, region: str | None) -> None:
        self.raw = raw
        self.encoding = file_encoding
        self.region = region
        self.ref = f"card at line {raw.line}"
        self.warnings: list[str] = []
        self.labels = {
            p.group: _apple_label(self.text(p)) for p in raw.props if p.name == "X-ABLABEL"
        }
        self.from_rapport = any(
            p.name == "PRODID" and "rapport" in p.value.lower() for p in raw.props
        )

    def text(self, prop: Prop) -> str:
        value = raw_value(prop, self.encoding)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return unescape(value)

    def parts(self, prop: Prop, separator: str = ";") -> list[str]:
        value = raw_value(prop, self.encoding)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return [clean(part) for part in split_escaped(value, separator)]

    def label(self, prop: Prop) -> str:
        if prop.group and self.labels.get(prop.group):
            return self.labels[prop.group]
        seen: list[str] = []
        for kind in prop.types:
            label = _TYPE_LABELS.get(kind, "")
            if label and label not in seen:
                seen.append(label)
        return " ".join(seen)

    def person(self, key: str) -> IncomingPerson | Rejection:
        found = _Found()
        for prop in self.raw.props:
            handler = _HANDLERS.get(prop.name)
            if handler is not None:
                handler(self, prop, found)
        fields, contacts, tags = found.fields, found.contacts, found.tags
        about, extra_about, family = found.about, found.extra_about, found.family
        interests, phonetic, locations = found.interests, found.phonetic, found.locations
        department, role, id_hint = found.department, found.role, found.id_hint
        full_name = fields.get("full_name") or clean_name(" ".join(found.name_parts))
        if not full_name:
            full_name = fields.get("nickname") or fields.get("organization") or ""
        if not full_name:
            full_name = next((c.value for c in contacts if c.kind == "email"), "")
        if not full_name:
            return Rejection(self.ref, "the card has no name, organization or email")
        fields["full_name"] = full_name
        if not fields.get("headline") and role:
            fields["headline"] = role
        if department:
            headline = fields.get("headline", "")
            fields["headline"] = f"{headline}, {department}" if headline else department
        text = "\n\n".join(about)
        for line in extra_about:
            if line not in text:
                text = f"{text}\n{line}" if text else line
        if text:
            fields["about"] = text
        if family and not fields.get("family"):
            fields["family"] = "\n".join(family)
        if interests and not fields.get("interests"):
            fields["interests"] = ", ".join(i for i in interests if i)
        others = [n for n in dict.fromkeys(found.also_known_as) if n and n != full_name]
        if others:
            # Kept as "also known as" in the nickname, which the search index covers.
            nick = fields.get("nickname", "")
            fields["nickname"] = ", ".join([nick, *others] if nick else others)
        if phonetic and not fields.get("pronunciation"):
            fields["pronunciation"] = " ".join(p for p in phonetic if p)
        if locations and not fields.get("location") and not self.from_rapport:
            fields["location"] = locations[0]
        if self.raw.bad_lines:
            lines = ", ".join(str(n) for n in self.raw.bad_lines[:5])
            self.warnings.append(f"{self.ref} ({full_name}): unreadable line(s) {lines} skipped")
        return IncomingPerson(self.ref, key, fields, contacts, tags, id_hint, dates=found.dates)

    # -- one handler per property (the table _HANDLERS below maps names to them) ------------
    def _fn(self, prop: Prop, found: _Found) -> None:
        name = clean_name(self.text(prop))
        if not found.fields.get("full_name"):
            found.fields["full_name"] = name
        elif name and name != found.fields["full_name"]:
            found.also_known_as.append(name)  # ALTID: the same name in another language

    def _n(self, prop: Prop, found: _Found) -> None:
        parts = self.parts(prop) + [""] * 5
        family_name, given, additional, _prefix, suffix = parts[:5]
        words = [p for p in (given, additional, family_name, suffix) if p]
        if not found.name_parts:
            found.name_parts = words
        elif words and words != found.name_parts:
            found.also_known_as.append(clean_name(" ".join(words)))

    def _nickname(self, prop: Prop, found: _Found) -> None:
        nick = ", ".join(p for p in self.parts(prop, ",") if p)
        if nick:
            found.fields["nickname"] = clean_name(nick)

    def _org(self, prop: Prop, found: _Found) -> None:
        parts = [p for p in self.parts(prop) if p]
        if parts:
            found.fields["organization"] = clean_name(parts[0])
            found.department = ", ".join(parts[1:])

    def _title(self, prop: Prop, found: _Found) -> None:
        found.fields["headline"] = clean_name(self.text(prop))

    def _role(self, prop: Prop, found: _Found) -> None:
        found.role = clean_name(self.text(prop))

    def _adr(self, prop: Prop, found: _Found) -> None:
        place = self._address(prop, found.contacts)
        if place:
            found.locations.append(place)

    def _dated(self, prop: Prop, found: _Found) -> None:
        text = self.text(prop)
        day = birthday_text(text)
        if prop.name == "BDAY":
            label = "birthday"
        elif prop.name in ("ANNIVERSARY", "X-ANNIVERSARY"):
            label = "anniversary"
        else:  # Apple's X-ABDATE, named by its item's X-ABLABEL ("_$!<Anniversary>!$_")
            label = self.label(prop) or "date"
            label = {"anniversary": "anniversary", "other": "date"}.get(label, label)
        if day:
            found.dates.append(IncomingDate(label, day))
        elif text.strip():
            self.warnings.append(f"{self.ref}: {prop.name} {text.strip()[:40]!r} is not a date")

    def _note(self, prop: Prop, found: _Found) -> None:
        note = clean(self.text(prop), strip=not self.from_rapport)
        if note:
            found.about.append(note)

    def _categories(self, prop: Prop, found: _Found) -> None:
        found.tags.extend(
            IncomingTag(t) for t in self.parts(prop, ",") if t and t.casefold() not in SYSTEM_GROUPS
        )

    def _picture(self, prop: Prop, found: _Found) -> None:
        photo = self._photo(prop)
        if photo:
            found.fields["photo"] = photo

    def _uid(self, prop: Prop, found: _Found) -> None:
        found.id_hint = _id_from_uid(clean(self.text(prop), 300))

    def _pronouns(self, prop: Prop, found: _Found) -> None:
        found.fields["pronouns"] = clean_name(self.text(prop))

    def _phonetic(self, prop: Prop, found: _Found) -> None:
        found.phonetic.append(clean_name(self.text(prop)))

    def _sound(self, prop: Prop, found: _Found) -> None:
        """vCard 2.1 phones write the reading of a name as ``SOUND;X-IRMC-N``."""
        if "X-IRMC-N" in prop.types:
            found.phonetic.append(clean_name(" ".join(p for p in self.parts(prop) if p)))

    def _related(self, prop: Prop, found: _Found) -> None:
        relation = clean(self.text(prop), 500)
        label = self.label(prop) or " ".join(t.lower() for t in prop.types)
        if relation:
            found.family.append(f"{label.capitalize()}: {relation}" if label else relation)

    def _interest(self, prop: Prop, found: _Found) -> None:
        found.interests.append(clean(self.text(prop), 500))

    def _rapport(self, prop: Prop, found: _Found) -> None:
        self._rapport_field(RAPPORT_PROPS[prop.name], self.text(prop), found.fields)

    # -- contact points ---------------------------------------------------------------------
    def _email(self, prop: Prop, contacts: list[IncomingContact]) -> None:
        value = clean(self.text(prop), 320).removeprefix("mailto:")
        if value:
            contacts.append(IncomingContact("email", value, self.label(prop), value))

    def _phone(self, prop: Prop, contacts: list[IncomingContact]) -> None:
        original = clean(self.text(prop), 100)
        if not original:
            return
        number = original.removeprefix("tel:").split(";")[0]
        # Our own export holds the values the user kept: they come back as they were.
        value = number if self.from_rapport else keys.normalise_phone(number, self.region)[0]
        contacts.append(IncomingContact("phone", value, self.label(prop), original))

    def _address(self, prop: Prop, contacts: list[IncomingContact]) -> str:
        parts = (self.parts(prop) + [""] * 7)[:7]
        pobox, extended, street, city, region, code, country = parts
        pieces = [p.replace("\n", ", ") for p in (pobox, extended, street, city, region, code)]
        value = ", ".join(p for p in (*pieces, country) if p)
        if value:
            contacts.append(IncomingContact("address", value, self.label(prop), value))
        return ", ".join(p for p in (city, country) if p)

    def _link(self, prop: Prop, contacts: list[IncomingContact], kind: str, label: str) -> None:
        value = clean(self.text(prop), 2000)
        if value:
            contacts.append(IncomingContact(kind, value, label, value))

    def _social(self, prop: Prop, contacts: list[IncomingContact]) -> None:
        value = clean(self.text(prop), 2000)
        label = (
            prop.param("X-SERVICE-TYPE")
            or (prop.types[0] if prop.name == "X-SOCIALPROFILE" and prop.types else "")
            or _SOCIAL_PROPS.get(prop.name, "")
            or self.labels.get(prop.group, "")
        ).lower()
        if prop.name == "IMPP" and ":" in value and not value.startswith("http"):
            scheme, _, handle = value.partition(":")
            label = label or scheme.lower()
            value = handle.lstrip("/")
        if prop.name == "X-SOCIALPROFILE" and not value:
            value = prop.param("X-USER")
        if value:
            contacts.append(IncomingContact("social", value, label, value))

    def _photo(self, prop: Prop) -> bytes | None:
        value = raw_value(prop, self.encoding)
        if isinstance(value, str):
            text = value.strip()
            if not text.lower().startswith("data:"):
                if text:
                    self.warnings.append(f"{self.ref}: the photo is a link and was not imported")
                return None
            _, _, payload = text.partition(",")
            try:
                value = base64.b64decode("".join(payload.split()) + "==", validate=False)
            except (binascii.Error, ValueError):
                value = b""
        return checked_photo(value, self.ref, self.warnings)

    def _rapport_field(self, field: str, value: str, fields: dict[str, Any]) -> None:
        text = clean(value, strip=False)
        if field == "cadence_days":
            text = text.strip()
            fields[field] = int(text) if text.isdigit() and 0 < int(text) < 100_000 else None
        elif field == "circle":
            if text in CIRCLES:
                fields[field] = text
        elif text:
            fields[field] = text


_Handler = Callable[[_Card, Prop, _Found], None]


def _contacts(read: Callable[[_Card, Prop, list[IncomingContact]], None]) -> _Handler:
    return lambda card, prop, found: read(card, prop, found.contacts)


def _url(card: _Card, prop: Prop, found: _Found) -> None:
    card._link(prop, found.contacts, "url", card.label(prop))


#: vCard property → what reads it (properties not named here are ignored).
_HANDLERS: dict[str, _Handler] = {
    "FN": _Card._fn,
    "N": _Card._n,
    "NICKNAME": _Card._nickname,
    "ORG": _Card._org,
    "TITLE": _Card._title,
    "ROLE": _Card._role,
    "EMAIL": _contacts(_Card._email),
    "TEL": _contacts(_Card._phone),
    "ADR": _Card._adr,
    "URL": _url,
    "BDAY": _Card._dated,
    "ANNIVERSARY": _Card._dated,
    "X-ANNIVERSARY": _Card._dated,
    "X-ABDATE": _Card._dated,
    "NOTE": _Card._note,
    "CATEGORIES": _Card._categories,
    "PHOTO": _Card._picture,
    "UID": _Card._uid,
    "PRONOUNS": _Card._pronouns,
    "X-PHONETIC-FIRST-NAME": _Card._phonetic,
    "X-PHONETIC-LAST-NAME": _Card._phonetic,
    "X-PHONETIC-MIDDLE-NAME": _Card._phonetic,
    "SORT-STRING": _Card._phonetic,
    "SOUND": _Card._sound,
    "RELATED": _Card._related,
    "X-ABRELATEDNAMES": _Card._related,
    "EXPERTISE": _Card._interest,
    "HOBBY": _Card._interest,
    "INTEREST": _Card._interest,
    **dict.fromkeys(("IMPP", "X-SOCIALPROFILE", *_SOCIAL_PROPS), _contacts(_Card._social)),
    **dict.fromkeys(RAPPORT_PROPS, _Card._rapport),
}


def checked_photo(data: bytes, ref: str, warnings: list[str]) -> bytes | None:
    """The image as it is when it is a small PNG or JPEG; else None and a warning."""
    if not data:
        return None
    if not any(data.startswith(magic) for magic, _ in _IMAGE_MAGIC):
        warnings.append(f"{ref}: the photo is not a PNG or JPEG image and was not imported")
        return None
    if len(data) > MAX_PHOTO:
        warnings.append(
            f"{ref}: the photo ({len(data) // 1024} KB) is larger than "
            f"{MAX_PHOTO // 1024} KB and was not imported (Rapport keeps small thumbnails "
            "and cannot scale images without Qt)"
        )
        return None
    return bytes(data)


def _apple_label(text: str) -> str:
    match = _APPLE_LABEL.fullmatch(text.strip())
    label = match.group(1) if match else text.strip()
    return label.lower()[:60]


def _id_from_uid(uid: str) -> str | None:
    """A person id from a card's UID: our own ``urn:uuid:…`` as is, others hashed."""
    if not uid:
        return None
    text = uid.removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return link_id("vcard-uid", uid)


_FOLD = re.compile(rb"\r?\n[ \t]")


def _vcard_text(data: bytes, source: str, encoding: str | None) -> tuple[str, str, str]:
    """(text, encoding shown, encoding the lexer decodes values with) of a .vcf file.

    RFC 6350 §3.2: lines are unfolded before they are decoded, so a fold may split a UTF-8
    character. A file that is not UTF-8 even then is read byte for byte (latin-1) and every
    value decoded by its own ``CHARSET`` (vCard 2.1 phones mix Shift_JIS and UTF-8 values).
    """
    if encoding or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        text, used = decode(data, source, encoding=encoding)
        return text, used, used
    try:
        text, used = decode(data, source)
    except ImportFileError:
        text, used = "", ""
    if used.startswith("utf"):
        return text, used, used
    unfolded = _FOLD.sub(b"", data)
    try:
        return unfolded.decode("utf-8"), "utf-8", "utf-8"
    except UnicodeDecodeError:
        pass
    if not text and b"\x00" in data[:4096]:
        decode(data, source)  # binary: raises the usual error
    guessed = legacy_encoding(data) or "cp1252"
    return data.decode("latin-1"), guessed, BYTES + guessed


def parse_vcard(
    data: bytes, source: str, *, region: str | None = None, encoding: str | None = None
) -> ParsedFile:
    """Read a .vcf file; raises ImportFileError when it holds no vCard at all."""
    text, used, reading = _vcard_text(data, source, encoding)
    if "BEGIN:VCARD" not in text.upper():
        raise ImportFileError(f"{source}: this is not a vCard file (no BEGIN:VCARD found)")
    parsed = ParsedFile("vcard", "vCard", details={"encoding": used})
    versions: set[str] = set()
    for index, raw in enumerate(cards(text)):
        card = _Card(raw, reading, region)
        if not raw.complete:
            parsed.rejected.append(
                Rejection(card.ref, "the card is cut short (no END:VCARD; truncated file?)")
            )
            continue
        for prop in raw.props:
            if prop.name == "VERSION":
                versions.add(prop.value.strip()[:5])
        try:
            result = card.person(f"card{index}")
        except (ValueError, TypeError, UnicodeError, OverflowError) as exc:
            result = Rejection(card.ref, f"the card could not be read ({exc})")
        if isinstance(result, Rejection):
            parsed.rejected.append(result)
        else:
            parsed.people.append(result)
        parsed.warnings.extend(card.warnings)
    if not parsed.people and not parsed.rejected:
        raise ImportFileError(f"{source}: this is not a vCard file (no complete card found)")
    known = sorted(v for v in versions if v in ("2.1", "3.0", "4.0"))
    parsed.format_label = "vCard " + ", ".join(known) if known else "vCard"
    parsed.details["versions"] = known
    return parsed
