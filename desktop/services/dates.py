"""Important dates of people: add, change, remove, and what comes round soon.

Dates are records of their own (``important_date``), synced like contact points; the
rules about days (with or without a year, what "next" means) are in
:mod:`desktop.domain.dates`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain import dates as rules
from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import ImportantDate, Person


@dataclass(frozen=True, slots=True)
class DateView:
    id: str
    label: str
    day: str  # YYYY-MM-DD or --MM-DD

    @property
    def title(self) -> str:
        return rules.title_of(self.label)

    @property
    def shown(self) -> str:
        return rules.shown(self.day)


def _checked(label: str, day: str) -> tuple[str, str]:
    normal = rules.normalise_day(day)
    if normal is None:
        raise ValueError(f"{day!r} is not a date (write YYYY-MM-DD, or --MM-DD without a year)")
    text = rules.normalise_label(label)
    if not text:
        raise ValueError("a date needs a label (birthday, anniversary, or your own words)")
    return text, normal


@operation
def add_date(*, person_id: str, label: str, day: str) -> str:
    """A new important date of a person; ValueError for a day that is not one."""
    text, normal = _checked(label, day)
    return journal.save(ImportantDate, None, {"person": person_id, "label": text, "day": normal})


@operation
def update_date(date_id: str, **fields: Any) -> dict[str, Any]:
    """Change label and/or day; returns the values before (for undo)."""
    row = ImportantDate.get_by_id(date_id)
    label, day = _checked(fields.get("label", row.label), fields.get("day", row.day))
    before = {"label": row.label, "day": row.day}
    journal.save(ImportantDate, date_id, {"label": label, "day": day})
    return before


@operation
def delete_date(date_id: str) -> None:
    journal.delete(ImportantDate, date_id)


@operation
def restore_date(date_id: str) -> None:
    journal.restore(ImportantDate, date_id)


def dates_of(person_id: str) -> list[DateView]:
    """A person's live dates, birthday first, then by month and day."""
    rows = ImportantDate.select().where(
        (ImportantDate.person == person_id) & (ImportantDate.deleted == False)
    )
    views = [DateView(str(r.id), r.label, r.day) for r in rows if rules.normalise_day(r.day)]
    views.sort(key=lambda v: (v.label != rules.BIRTHDAY, rules.parts(v.day)[1:], v.label))
    return views


def upcoming(
    *,
    today: date | None = None,
    days: int = 7,
    labels: set[str] | None = None,
    person_ids: set[str] | None = None,
) -> list[rules.Upcoming]:
    """Dates of live people coming round within ``days`` (today included), soonest first."""
    today = today or date.today()
    query = (
        ImportantDate.select(
            ImportantDate.id, Person.id, Person.full_name, ImportantDate.label, ImportantDate.day
        )
        .join(Person)
        .where((ImportantDate.deleted == False) & (Person.deleted == False))
    )
    if labels:
        query = query.where(ImportantDate.label.in_(sorted(labels)))
    if person_ids is not None:
        query = query.where(Person.id.in_(sorted(person_ids)))
    return rules.upcoming([tuple(map(str, row)) for row in query.tuples()], today, days)
