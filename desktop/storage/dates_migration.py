"""Schema step 4's data part: the ``Birthday:`` lines of *About* become important dates.

Before step 4, every importer wrote a birthday (and a vCard anniversary) as a line
``Birthday: 1985-04-12`` / ``Anniversary: --06-01`` in the person's *About* text. The
step turns each into a row of ``important_date`` and takes the line out of *About*.
Both writes go through the journal, so they sync; the new row's id is derived from the
person, the label and the day, so two devices that migrate the same synced person make
the very same row instead of two.
"""

from __future__ import annotations

import re

from desktop.storage import journal
from desktop.storage.models import ImportantDate, Person, database, link_id

_LINE = re.compile(r"^(Birthday|Anniversary): (\d{4}-\d\d-\d\d|--\d\d-\d\d)[ \t]*$", re.M)


def split_date_lines(about: str) -> tuple[str, list[tuple[str, str]]]:
    """(about without its date lines, [(label, day)…]) — the pure half of the migration."""
    found = [(m.group(1).lower(), m.group(2)) for m in _LINE.finditer(about)]
    if not found:
        return about, []
    rest = _LINE.sub("", about)
    rest = re.sub(r"\n{3,}", "\n\n", rest).strip("\n")
    return rest, found


def date_id(person_id: str, label: str, day: str) -> str:
    return link_id("important-date", person_id, label, day)


def migrate_date_lines() -> int:
    """Convert every live person's date lines; returns how many dates were made."""
    made = 0
    rows: list[tuple[str, str]] = list(
        database.execute_sql(
            "SELECT id, about FROM person WHERE about LIKE '%Birthday: %' "
            "OR about LIKE '%Anniversary: %'"
        )
    )
    for person_id, about in rows:
        rest, found = split_date_lines(about)
        for label, day in found:
            journal.save(
                ImportantDate,
                date_id(person_id, label, day),
                {"person": person_id, "label": label, "day": day},
            )
            made += 1
        if found:
            journal.save(Person, person_id, {"about": rest})
    return made
