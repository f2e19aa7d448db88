"""People as the exports "for other people" see them: live, in name order, discretion applied.

vCard, CSV and Markdown exports leave out what the user marked as told in confidence —
a person's fields listed in ``Person.confidential_fields`` (``contact_points`` and
``tags`` there hide those lists too) — unless ``include_confidential`` is set. The full
JSON export is the user's own backup and never filters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from desktop.services.people import EDITABLE_FIELDS
from desktop.storage.models import Person, database

# Every editable card field except the ones an export for other people never carries.
CARD_FIELDS = tuple(f for f in EDITABLE_FIELDS if f not in ("credibility", "confidential_fields"))
_NEVER_HIDDEN = frozenset({"full_name"})


@dataclass(slots=True)
class ExportPerson:
    id: str
    fields: dict[str, Any]
    contacts: list[tuple[str, str, str]] = field(default_factory=list)  # kind, label, value
    tags: list[str] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)  # label, YYYY-MM-DD / --MM-DD

    @property
    def name(self) -> str:
        return str(self.fields.get("full_name", ""))


def hidden_fields(confidential: str) -> set[str]:
    return {f.strip() for f in confidential.split(",") if f.strip()} - _NEVER_HIDDEN


def load_people(*, include_confidential: bool = False) -> list[ExportPerson]:
    """Every live person with contact points and tags, confidential parts removed."""
    columns = [Person.id, *(getattr(Person, name) for name in CARD_FIELDS)]
    columns.append(Person.confidential_fields)
    people: dict[str, ExportPerson] = {}
    hidden: dict[str, set[str]] = {}
    query = (
        Person.select(*columns)
        .where(Person.deleted == False)
        .order_by(Person.full_name, Person.id)
        .dicts()
    )
    for row in query:
        secret = set() if include_confidential else hidden_fields(row.pop("confidential_fields"))
        row.pop("confidential_fields", None)
        pid = row.pop("id")
        for name in secret & set(row):
            row[name] = None if name in ("cadence_days", "photo") else ""
        if row.get("photo") is not None:
            row["photo"] = bytes(row["photo"])
        people[pid] = ExportPerson(pid, row)
        hidden[pid] = secret
    for pid, kind, label, value in database.execute_sql(
        "SELECT person_id, kind, label, value FROM contact_point WHERE deleted = 0 "
        "ORDER BY kind, label, value"
    ):
        if pid in people and "contact_points" not in hidden[pid]:
            people[pid].contacts.append((kind, label, value))
    tags: dict[str, list[str]] = defaultdict(list)
    for pid, name in database.execute_sql(
        "SELECT person_id, name FROM tag WHERE deleted = 0 AND person_id IS NOT NULL ORDER BY name"
    ):
        if pid in people and "tags" not in hidden[pid]:
            tags[pid].append(name)
    for pid, names in tags.items():
        people[pid].tags = names
    for pid, label, day in database.execute_sql(
        "SELECT person_id, label, day FROM important_date WHERE deleted = 0 "
        "ORDER BY label != 'birthday', label, day"
    ):
        if pid in people and "dates" not in hidden[pid]:
            people[pid].dates.append((label, day))
    return list(people.values())
