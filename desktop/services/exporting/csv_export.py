"""CSV export: one row per person, UTF-8 with a byte-order mark so Excel reads accents.

Several emails, phones, websites, social profiles and addresses become numbered column
pairs ("Email 1", "Email 1 Label", …), as many as the person with the most needs; the
headers are ones our own CSV import recognises, so the file comes back in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from desktop.services.exporting.common import ExportPerson

SCALAR_COLUMNS = (
    ("Full Name", "full_name"),
    ("Nickname", "nickname"),
    ("Pronouns", "pronouns"),
    ("Organization", "organization"),
    ("Headline", "headline"),
    ("Location", "location"),
    ("How We Met", "how_we_met"),
    ("Notes", "about"),
    ("Interests", "interests"),
    ("Circle", "circle"),
)
KIND_COLUMNS = (
    ("Email", "email"),
    ("Phone", "phone"),
    ("Website", "url"),
    ("Social", "social"),
    ("Address", "address"),
)


def _widths(people: list[ExportPerson]) -> dict[str, int]:
    widths = dict.fromkeys((kind for _, kind in KIND_COLUMNS), 0)
    for person in people:
        counts: dict[str, int] = {}
        for kind, _, _ in person.contacts:
            counts[kind] = counts.get(kind, 0) + 1
        for kind, count in counts.items():
            if kind in widths:
                widths[kind] = max(widths[kind], count)
        widths["date"] = max(widths.get("date", 0), len(_other_dates(person)))
    return widths


def header(people: list[ExportPerson]) -> list[str]:
    widths = _widths(people)
    columns = [title for title, _ in SCALAR_COLUMNS] + ["Tags", "Birthday", "Anniversary"]
    for title, kind in KIND_COLUMNS:
        for n in range(1, widths[kind] + 1):
            columns += [f"{title} {n}", f"{title} {n} Label"]
    for n in range(1, max((len(_other_dates(p)) for p in people), default=0) + 1):
        columns += [f"Date {n}", f"Date {n} Label"]
    return columns


def _first(person: ExportPerson, label: str) -> str:
    return next((day for kind, day in person.dates if kind == label), "")


def _other_dates(person: ExportPerson) -> list[tuple[str, str]]:
    """Dates beyond the first birthday and anniversary (which have their own columns)."""
    out, seen = [], set()
    for label, day in person.dates:
        if label in ("birthday", "anniversary") and label not in seen:
            seen.add(label)
            continue
        out.append((label, day))
    return out


def row(person: ExportPerson, widths: dict[str, int]) -> list[str]:
    cells = [
        "" if person.fields.get(field) is None else str(person.fields.get(field))
        for _, field in SCALAR_COLUMNS
    ]
    cells.append(", ".join(person.tags))
    cells += [_first(person, "birthday"), _first(person, "anniversary")]
    for _, kind in KIND_COLUMNS:
        values = [(label, value) for k, label, value in person.contacts if k == kind]
        for n in range(widths[kind]):
            label, value = values[n] if n < len(values) else ("", "")
            cells += [value, label]
    others = _other_dates(person)
    for n in range(widths.get("date", 0)):
        label, day = others[n] if n < len(others) else ("", "")
        cells += [day, label]
    # NUL is dropped: Python 3.10's csv.writer refuses it ("need to escape") and a CSV
    # reader (ours included, docs/formats.md) refuses the row that holds one.
    return [cell.replace("\x00", "") for cell in cells]


def lines(people: list[ExportPerson]) -> Iterator[str]:
    """The CSV text, a chunk per person (the first chunk carries the BOM and header)."""
    widths = _widths(people)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(people))
    yield "\ufeff" + buffer.getvalue()
    for person in people:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row(person, widths))
        yield buffer.getvalue()
