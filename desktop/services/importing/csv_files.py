"""CSV contacts: find the header, the delimiter and the encoding, then map rows to people.

LinkedIn's Connections.csv opens with a "Notes:" preamble before its header; Outlook
in many European locales writes ``;``-separated Windows-1252; Excel's "Unicode text" is
UTF-16 with tabs; Google packs several values in one cell separated by ``" ::: "``. All
of them, and any other CSV, go through the same column rules (:mod:`csv_mapping`).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.services.importing import keys
from desktop.services.importing.csv_mapping import (
    ADDRESS_PARTS,
    ColumnRule,
    apply_overrides,
    propose_by_values,
    propose_rules,
    value_kind,
)
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
    parse_date,
    split_birthday,
)
from desktop.storage.models import CIRCLES

DELIMITERS = ",;\t|"
HEADER_SCAN = 40  # lines searched for the header row (LinkedIn's preamble is ~4)
_MULTI = re.compile(r"\s*:::\s*")
_LABEL_STAR = re.compile(r"^\*\s*")
_NAME_TARGETS = frozenset({"full_name", "first_name", "last_name", "email", "organization"})
FORMAT_LABELS = {
    "linkedin": "LinkedIn connections (CSV)",
    "google_csv": "Google Contacts (CSV)",
    "outlook_csv": "Outlook contacts (CSV)",
    "csv": "CSV",
}


@dataclass(slots=True)
class CsvLayout:
    """How a CSV file is laid out, and what each column is proposed to feed."""

    encoding: str
    delimiter: str
    header_line: int  # 1-based line number of the header row
    headers: list[str]
    format: str  # linkedin | google_csv | outlook_csv | csv
    rules: list[ColumnRule]
    body: str = field(repr=False)  # the text after the header row
    guessed: list[ColumnRule] = field(default_factory=list)  # recognised by their values

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS[self.format]

    @property
    def mapping(self) -> dict[str, str]:
        mapped = {rule.header: rule.spec for rule in self.rules}
        return {h: mapped.get(h, "ignore") for h in self.headers if h.strip()}

    @property
    def ignored_columns(self) -> list[str]:
        used = {rule.index for rule in self.rules} | {
            r.label_index for r in self.rules if r.label_index is not None
        }
        return [h for i, h in enumerate(self.headers) if h.strip() and i not in used]


def _nul_mark(text: str) -> str:
    """A character absent from ``text`` to stand in for NUL while :mod:`csv` reads it.

    Python 3.10's csv refuses NUL ("line contains NUL") where 3.11+ reads it as a plain
    character, so NULs are swapped out before reading and looked for afterwards: every
    supported Python then splits the file into the same rows. Unicode's noncharacters
    (U+FDD0…) come first because real text never holds them.
    """
    for code in range(0xFDD0, 0x110000):
        if chr(code) not in text:  # (above the surrogates, so always a valid str)
            return chr(code)
    raise ImportFileError("the file holds every character there is; it cannot be read as CSV")


def _split_header(line: str, delimiter: str) -> list[str]:
    """The cells of one line ([] when the csv module cannot read it, e.g. a giant cell)."""
    mark = _nul_mark(line) if "\x00" in line else ""
    try:
        cells = next(
            csv.reader([line.replace("\x00", mark) if mark else line], delimiter=delimiter), []
        )
    except csv.Error:
        return []
    return [cell.replace(mark, "\x00") for cell in cells] if mark else cells


def _guess_delimiter(lines: list[str]) -> str:
    sample = "\n".join(lines[:20])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
        if dialect.delimiter in DELIMITERS:
            return dialect.delimiter
    except csv.Error:
        pass
    header = lines[0] if lines else ""
    counts = {d: len(_split_header(header, d)) for d in DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 1 else ","


def _format_of(headers: list[str]) -> str:
    norm = {h.strip().casefold() for h in headers}
    if {"first name", "last name", "url", "connected on"} <= norm:
        return "linkedin"
    if any(h.startswith(("e-mail 1 - ", "phone 1 - ")) for h in norm) or "group membership" in norm:
        return "google_csv"
    if "e-mail address" in norm and ({"business phone", "job title"} & norm):
        return "outlook_csv"
    return "csv"


def read_layout(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> CsvLayout:
    """Decode the file and find its header row, delimiter and proposed column rules."""
    text, used = decode(data, source, encoding=encoding)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise ImportFileError(f"{source}: the file is empty")
    best: tuple[int, int, str] | None = None  # (recognised columns, line index, delimiter)
    for index, line in enumerate(lines[:HEADER_SCAN]):
        if not line.strip():
            continue
        chosen = delimiter or _guess_delimiter(lines[index : index + 20])
        headers = _split_header(line, chosen)
        targets = {rule.target for rule in propose_rules(headers)}
        if len(headers) < 2 and not targets & _NAME_TARGETS:
            continue  # (one column is a CSV only when it is, say, "Primary Email")
        score = len(targets)
        if targets & _NAME_TARGETS and (best is None or score > best[0]):
            best = (score, index, chosen)
        if best and best[0] >= 3:
            break
    if best is None:
        first = next(i for i, line in enumerate(lines) if line.strip())
        chosen = delimiter or _guess_delimiter(lines[first : first + 20])
        if len(_split_header(lines[first], chosen)) < 2:
            raise ImportFileError(f"{source}: this does not look like a CSV file (no columns)")
        best = (0, first, chosen)
    _, index, chosen = best
    headers = [h.strip().lstrip("\ufeff") for h in _split_header(lines[index], chosen)]
    body_start = _offset_of_line(text, index + 1)
    rules = propose_rules(headers)
    if not rules and _looks_like_data(headers):
        # No header row: the first line is a person. Columns are named by position and
        # mapped by what they hold; nobody is lost to being read as a header.
        headers = [f"Column {i + 1}" for i in range(len(headers))]
        body_start = _offset_of_line(text, index)
        index -= 1
    layout = CsvLayout(
        encoding=used,
        delimiter=chosen,
        header_line=index + 1,
        headers=headers,
        format=_format_of(headers),
        rules=rules,
        body=text[body_start:],
    )
    sample = [cells for _, cells, _ in itertools.islice(rows(layout), VALUE_SAMPLE) if cells]
    layout.guessed = propose_by_values(headers, sample, layout.rules)
    layout.rules = sorted(layout.rules + layout.guessed, key=lambda r: r.index)
    return layout


VALUE_SAMPLE = 50  # rows looked at to recognise a column by its values


def _looks_like_data(cells: list[str]) -> bool:
    """A first line holding an email, a phone number or a date is a row, not a header."""
    return any(value_kind([cell]) in ("email", "phone", "birthday") for cell in cells)


def _offset_of_line(text: str, line_index: int) -> int:
    """Character offset where the ``line_index``-th (0-based) line begins."""
    offset = 0
    for _ in range(line_index):
        newline = re.compile(r"\r\n|\r|\n").search(text, offset)
        if newline is None:
            return len(text)
        offset = newline.end()
    return offset


def rows(layout: CsvLayout) -> Iterator[tuple[int, list[str] | None, str]]:
    """(line number, cells or None, error) for each data row after the header.

    A row holding a NUL byte is refused on its own (docs/formats.md), on every Python.
    """
    body, mark = layout.body, ""
    if "\x00" in body:
        mark = _nul_mark(body)
        body = body.replace("\x00", mark)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=layout.delimiter)
    line = layout.header_line
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if reader.line_num + layout.header_line < start:
                return
            line = reader.line_num + layout.header_line
            yield start, None, f"the row cannot be read ({exc})"
            continue
        line = reader.line_num + layout.header_line
        if mark and any(mark in cell for cell in cells):
            yield start, None, "the row cannot be read (line contains NUL)"
            continue
        yield start, cells, ""


def _values(cell: str) -> list[str]:
    return [v for v in (part.strip() for part in _MULTI.split(cell)) if v]


def _label(row: list[str], rule: ColumnRule) -> str:
    if rule.label:
        return rule.label
    if rule.label_index is not None and rule.label_index < len(row):
        label = _LABEL_STAR.sub("", row[rule.label_index].strip()).lower()
        return "" if label in ("other", "") else label[:60]
    return ""


@dataclass(frozen=True, slots=True)
class _Cell:
    """One non-empty cell and where it came from (its column rule, its row for labels)."""

    target: str
    text: str
    row: list[str]
    rule: ColumnRule

    @property
    def label(self) -> str:
        return _label(self.row, self.rule)


@dataclass
class _Found:
    """What a row's cells said, gathered before the person is put together."""

    fields: dict[str, Any] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    contacts: list[IncomingContact] = field(default_factory=list)
    tags: list[IncomingTag] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    family: list[str] = field(default_factory=list)
    addresses: dict[str, dict[str, Any]] = field(default_factory=dict)
    dates: list[IncomingDate] = field(default_factory=list)
    birth_parts: dict[str, str] = field(default_factory=dict)  # Thunderbird's Birth Year/…


class _RowReader:
    def __init__(self, layout: CsvLayout, region: str | None) -> None:
        self.layout = layout
        self.region = region
        self.warnings: list[str] = []

    def person(self, line: int, row: list[str], key: str) -> IncomingPerson | Rejection | None:
        ref = f"line {line}"
        found = _Found()
        for rule in self.layout.rules:
            if rule.index >= len(row):
                continue
            cell = clean(row[rule.index])
            if not cell:
                continue
            handler = _HANDLERS.get(rule.target)
            if handler is not None:
                handler(self, _Cell(rule.target, cell, row, rule), found)
        fields, names, contacts, tags = found.fields, found.names, found.contacts, found.tags
        about, family, addresses = found.about, found.family, found.addresses
        had_address = any(c.kind == "address" for c in contacts)
        for group in addresses.values():
            value = ", ".join(", ".join(group.get(p, [])) for p in ADDRESS_PARTS if group.get(p))
            if value and not had_address:
                contacts.append(IncomingContact("address", value, group["label"], value))
            place = ", ".join(group[p][0] for p in ("city", "country") if group.get(p))
            if place:
                fields.setdefault("location", place)
        if found.birth_parts:
            self._birth_from_parts(ref, found)
        if "department" in names:
            headline = fields.get("headline", "")
            fields["headline"] = (
                f"{headline}, {names['department']}" if headline else names["department"]
            )
        if not fields.get("full_name"):
            parts = [names.get(k, "") for k in ("first_name", "middle_name", "last_name")]
            parts.append(names.get("name_suffix", ""))
            fields["full_name"] = clean_name(" ".join(p for p in parts if p))
        if not fields["full_name"]:
            fallback = fields.get("nickname") or fields.get("organization")
            fallback = fallback or next((c.value for c in contacts if c.kind == "email"), "")
            if not fallback:
                if not any(cell.strip() for cell in row):
                    return None  # an empty row: nothing to report
                return Rejection(ref, "no name, organization or email in this row")
            fields["full_name"] = clean_name(fallback)
        if about:
            fields["about"] = "\n".join(about)
        if family:
            fields["family"] = "\n".join(family)
        if self.layout.format == "linkedin":
            for contact in contacts:
                if contact.kind == "url" and "linkedin." in contact.value.lower():
                    contact.label = contact.label or "linkedin"
        return IncomingPerson(ref, key, fields, contacts, tags, dates=found.dates)

    def _birth_from_parts(self, ref: str, found: _Found) -> None:
        """Birth Year / Birth Month / Birth Day columns as one birthday (year optional)."""
        parts = found.birth_parts
        text = f"{parts.get('birth_year', '')}-{parts.get('birth_month', '')}-"
        text += parts.get("birth_day", "")
        day = split_birthday(
            parts.get("birth_year", ""), parts.get("birth_month", ""), parts.get("birth_day", "")
        )
        if day:
            if not any(d.label == "birthday" for d in found.dates):
                found.dates.append(IncomingDate("birthday", day))
        else:
            self.warnings.append(f"{ref}: the birthday {text!r} is not a date; it was not imported")

    def _contact(self, kind: str, value: str, label: str) -> IncomingContact:
        if kind == "phone":
            shown, _ = keys.normalise_phone(value[:100], self.region)
            return IncomingContact("phone", shown, label, value[:100])
        if kind == "email":
            value = value.removeprefix("mailto:")
        return IncomingContact(kind, value[:2000], label, value[:2000])


# -- one handler per column target (the table _HANDLERS maps targets to them) ------------
def _name_part(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    found.names[cell.target] = clean_name(cell.text)


def _person_field(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    found.fields.setdefault(cell.target, clean_name(cell.text))


def _contact_points(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    for value in _values(cell.text):
        if cell.target == "address":
            value = ", ".join(p.strip() for p in value.splitlines() if p.strip())
        found.contacts.append(reader._contact(cell.target, value, cell.label))


def _address_part(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    parts = found.addresses.setdefault(cell.rule.group, {"label": cell.label})
    parts.setdefault(cell.target, []).append(cell.text)


def _birthday(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    day = birthday_text(cell.text)
    label = {"anniversary": "anniversary", "date": cell.label or "date"}.get(
        cell.target, "birthday"
    )
    if day:
        found.dates.append(IncomingDate(label, day))
    else:
        reader.warnings.append(
            f"{cell.rule.header} {cell.text!r}: not a date Rapport can read; it was not imported"
        )


def _birth_part(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    found.birth_parts[cell.target] = cell.text


def _notes(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    found.about.insert(0, cell.text)


def _tag_list(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    found.tags.extend(IncomingTag(t) for t in _tags(cell.text))


def _connected_on(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    day = parse_date(cell.text)
    found.fields.setdefault("how_we_met", f"Connected on LinkedIn on {day or cell.text}")


def _family(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    label = cell.label
    found.family.append(f"{label.capitalize()}: {cell.text}" if label else cell.text)


def _circle(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    if cell.text.lower() in CIRCLES:
        found.fields["circle"] = cell.text.lower()


def _plain_field(reader: _RowReader, cell: _Cell, found: _Found) -> None:
    found.fields[cell.target] = cell.text


#: Column target → what reads it (targets not named here are ignored).
_HANDLERS: dict[str, Callable[[_RowReader, _Cell, _Found], None]] = {
    **dict.fromkeys(
        ("first_name", "middle_name", "last_name", "name_prefix", "name_suffix"), _name_part
    ),
    **dict.fromkeys(
        ("full_name", "nickname", "organization", "headline", "pronouns"), _person_field
    ),
    "department": _name_part,
    **dict.fromkeys(("email", "phone", "url", "social", "address"), _contact_points),
    **dict.fromkeys(ADDRESS_PARTS, _address_part),
    "birthday": _birthday,
    "anniversary": _birthday,
    "date": _birthday,
    **dict.fromkeys(("birth_year", "birth_month", "birth_day"), _birth_part),
    "notes": _notes,
    "tags": _tag_list,
    "connected_on": _connected_on,
    "family": _family,
    "circle": _circle,
    **dict.fromkeys(("how_we_met", "location", "interests"), _plain_field),
}


def _tags(cell: str) -> list[str]:
    out: list[str] = []
    for part in _MULTI.split(cell):
        for tag in re.split(r"[;,]", part):
            tag = tag.strip()
            if tag and not tag.startswith("*"):  # Google's system groups: "* myContacts"
                out.append(tag)
    return out


def parse_csv(
    data: bytes,
    source: str,
    *,
    mapping: dict[str, str] | None = None,
    region: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> ParsedFile:
    """Read a CSV of contacts with the proposed rules, overridden by ``mapping``.

    Raises ImportFileError when the file cannot be read, ValueError for a bad mapping.
    """
    layout = read_layout(data, source, encoding=encoding, delimiter=delimiter)
    if mapping:
        layout.rules = apply_overrides(layout.headers, layout.rules, mapping)
    parsed = ParsedFile(layout.format, layout.format_label)
    parsed.details.update(
        encoding=layout.encoding,
        delimiter={"\t": "tab"}.get(layout.delimiter, layout.delimiter),
        header_line=layout.header_line,
        columns=layout.mapping,
        ignored_columns=layout.ignored_columns,
        guessed_columns={rule.header: rule.spec for rule in layout.guessed},
    )
    for rule in layout.guessed:
        parsed.warnings.append(
            f"column {rule.header!r} looks like {rule.target} by its values and is read as such"
        )
    if not {rule.target for rule in layout.rules} & (_NAME_TARGETS | {"nickname"}):
        parsed.warnings.append(
            "no column is mapped to a name, organization or email; map one with "
            '--map "Column=full_name" (or first_name/last_name)'
        )
    reader = _RowReader(layout, region)
    ignored = {i for i, h in enumerate(layout.headers) if h in set(layout.ignored_columns)}
    holding: set[int] = set()  # ignored columns with a value in some row: data left behind
    for number, (line, cells, error) in enumerate(rows(layout)):
        if cells is None:
            parsed.rejected.append(Rejection(f"line {line}", error))
            continue
        if ignored - holding:
            holding.update(i for i in ignored - holding if i < len(cells) and cells[i].strip())
        result = reader.person(line, cells, f"row{number}")
        if isinstance(result, Rejection):
            parsed.rejected.append(result)
        elif result is not None:
            parsed.people.append(result)
    parsed.warnings.extend(reader.warnings)
    if holding:
        names = ", ".join(repr(layout.headers[i]) for i in sorted(holding))
        parsed.warnings.insert(
            0,
            f"{len(holding)} column(s) with values will be ignored: {names} "
            '(map one with --map "Column=field")',
        )
    return parsed
