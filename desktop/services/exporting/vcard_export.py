"""vCard 4.0 export (RFC 6350), written to come back unchanged through our own import.

Standard properties carry what other apps understand (FN, N, NICKNAME, PRONOUNS from
RFC 9554, ORG, TITLE, NOTE, BDAY, EMAIL, TEL, ADR, URL, CATEGORIES, PHOTO as a data
URI); Rapport's own fields travel as ``X-RAPPORT-*`` and the person's id as
``UID:urn:uuid:…``, so a re-import matches the same person. Labels other apps would not
know ("signal") use Apple's ``itemN.X-ABLabel`` grouping.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

from desktop import __version__
from desktop.services.exporting.common import ExportPerson
from desktop.services.importing.vcard import RAPPORT_PROPS

_LABEL_TYPES = {
    "mobile": "cell",
    "home": "home",
    "work": "work",
    "fax": "fax",
    "pager": "pager",
    "main": "main",
    "other": "other",
    "car": "car",
    "video": "video",
    "textphone": "textphone",
    "iphone": "iphone",
}
_FIELD_PROPS = {field: prop for prop, field in RAPPORT_PROPS.items()}
_BIRTHDAY = re.compile(r"^Birthday: (\d{4}-\d\d-\d\d|--\d\d-\d\d)$", re.MULTILINE)


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def fold(line: str) -> str:
    """Fold at 75 octets (RFC 6350 §3.2) without splitting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts = []
    start = 0
    limit = 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start = end
        limit = 74  # continuation lines begin with a space
    return "\r\n ".join(parts)


def _split_name(name: str) -> tuple[str, str]:
    words = name.split()
    if len(words) < 2:
        return "", name
    return words[-1], " ".join(words[:-1])


def _types(label: str) -> tuple[str, bool]:
    """(TYPE parameter value, True) when every word of the label is a standard type."""
    words = label.split()
    if words and all(w in _LABEL_TYPES for w in words):
        return ",".join(_LABEL_TYPES[w] for w in words), True
    return "", not words


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.group = 0

    def add(self, name: str, value: str, params: str = "") -> None:
        self.lines.append(fold(f"{name}{params}:{value}"))

    def labelled(self, name: str, value: str, label: str) -> None:
        types, standard = _types(label)
        if standard:
            self.add(name, value, f";TYPE={types}" if types else "")
            return
        self.group += 1
        self.add(f"item{self.group}.{name}", value)
        self.add(f"item{self.group}.X-ABLABEL", escape(label))


def card(person: ExportPerson) -> str:
    """One person as a vCard 4.0 text (CRLF line ends)."""
    f = person.fields
    w = _Writer()
    w.add("BEGIN", "VCARD")
    w.add("VERSION", "4.0")
    w.add("PRODID", f"-//Rapport//Rapport {__version__}//EN")
    w.add("UID", f"urn:uuid:{person.id}")
    w.add("FN", escape(person.name))
    family, given = _split_name(person.name)
    w.add("N", f"{escape(family)};{escape(given)};;;")
    for field, prop in (("nickname", "NICKNAME"), ("pronouns", "PRONOUNS")):
        if f.get(field):
            w.add(prop, escape(str(f[field])))
    if f.get("organization"):
        w.add("ORG", escape(str(f["organization"])))
    if f.get("headline"):
        w.add("TITLE", escape(str(f["headline"])))
    about = str(f.get("about") or "")
    if about:
        w.add("NOTE", escape(about))
    _dates(w, person.dates, _BIRTHDAY.search(about))
    for kind, label, value in person.contacts:
        if kind == "email":
            w.labelled("EMAIL", escape(value), label)
        elif kind == "phone":
            types, standard = _types(label)
            if standard:
                w.add("TEL", escape(value), ";VALUE=text" + (f";TYPE={types}" if types else ""))
            else:
                w.labelled("TEL", escape(value), label)
        elif kind == "address":
            w.labelled("ADR", f";;{escape(value)};;;;", label)
        elif kind == "url":
            w.labelled("URL", escape(value), label)
        elif kind == "social":
            params = f";TYPE={escape(label)}" if label and "," not in label else ""
            w.add("X-SOCIALPROFILE", escape(value), params)
    if person.tags:
        w.add("CATEGORIES", ",".join(escape(t) for t in person.tags))
    for field, prop in _FIELD_PROPS.items():
        value = f.get(field)
        if value not in (None, "") and not (field == "circle" and value == "acquaintance"):
            w.add(prop, escape(str(value)))
    photo = f.get("photo")
    if photo:
        mime = "image/png" if photo.startswith(b"\x89PNG") else "image/jpeg"
        w.add("PHOTO", f"data:{mime};base64,{base64.b64encode(photo).decode('ascii')}")
    w.add("END", "VCARD")
    return "\r\n".join(w.lines) + "\r\n"


def vcard_day(day: str) -> str:
    """RFC 6350's basic form: ``19850412``, or ``--0412`` without a year."""
    return day.replace("-", "") if not day.startswith("--") else "--" + day[2:].replace("-", "")


def _dates(w: _Writer, dates: list[tuple[str, str]], old_line: re.Match[str] | None) -> None:
    """BDAY, ANNIVERSARY, and Apple's labelled X-ABDATE for any other date."""
    seen: set[str] = set()
    for label, day in dates:
        if label in ("birthday", "anniversary") and label not in seen:
            seen.add(label)
            w.add("BDAY" if label == "birthday" else "ANNIVERSARY", vcard_day(day))
        else:
            w.labelled("X-ABDATE", day, label or "date")
    if "birthday" not in seen and old_line is not None:  # a line typed into About
        w.add("BDAY", vcard_day(old_line.group(1)))


def cards(people: list[ExportPerson]) -> Iterator[str]:
    for person in people:
        yield card(person)
