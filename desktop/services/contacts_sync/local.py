"""Rapport's side of contacts sync: reading people in the card's shape, and writing what
came from the address book — every write through the journal, inside the caller's
transaction (``store.operation``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain import circles
from desktop.services.contacts_sync.mapping import LISTS, SCALARS, LocalPerson, item_key
from desktop.storage import journal, search_index
from desktop.storage.models import ContactPoint, ImportantDate, Person, database, new_id
from desktop.storage.sql import chunks

_COLUMNS = "id, full_name, nickname, organization, headline, photo, confidential_fields, deleted"


@dataclass
class Held(LocalPerson):
    """A LocalPerson plus the row ids a merge needs to change or remove rows."""

    contact_ids: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    date_ids: dict[str, str] = field(default_factory=dict)


def in_scope(scope: str, values: Iterable[str]) -> set[str]:
    """Live people the user chose to keep in the address book."""
    wanted = [v for v in values if v]
    if scope == "circles":
        query = Person.select(Person.id).where(
            (Person.deleted == False) & (Person.circle.in_(wanted))
        )
        return {p.id for p in query}
    if scope == "tags":
        folded = {v.casefold() for v in wanted}
        rows = database.execute_sql(
            "SELECT t.person_id, t.name FROM tag t JOIN person p ON p.id = t.person_id "
            "WHERE t.deleted = 0 AND p.deleted = 0 AND t.person_id IS NOT NULL"
        )
        return {pid for pid, name in rows if name.casefold() in folded}
    return {p.id for p in Person.select(Person.id).where(Person.deleted == False)}


def load(ids: Iterable[str]) -> dict[str, Held]:
    """The people with these ids (deleted ones too), their contact points and dates."""
    people: dict[str, Held] = {}
    wanted = list(dict.fromkeys(ids))
    for batch in chunks(wanted, 500):
        marks = ", ".join("?" for _ in batch)
        for row in database.execute_sql(
            f"SELECT {_COLUMNS} FROM person WHERE id IN ({marks})", batch
        ):
            pid, name, nick, org, headline, photo, confidential, deleted = row
            fields = {
                "full_name": name,
                "nickname": nick,
                "organization": org,
                "headline": headline,
                "photo": bytes(photo) if photo is not None else None,
            }
            people[pid] = Held(fields, [], [], confidential or "", bool(deleted))
        for pid, cid, kind, label, value in database.execute_sql(
            "SELECT person_id, id, kind, label, value FROM contact_point "
            f"WHERE deleted = 0 AND person_id IN ({marks}) ORDER BY kind, label, value",
            batch,
        ):
            if kind in LISTS and pid in people:
                people[pid].contacts.append((kind, label, value))
                people[pid].contact_ids.setdefault((kind, item_key(kind, value)), []).append(cid)
        for pid, did, label, day in database.execute_sql(
            "SELECT person_id, id, label, day FROM important_date "
            f"WHERE deleted = 0 AND person_id IN ({marks}) "
            "ORDER BY label != 'birthday', label, day",
            batch,
        ):
            if pid in people and (label or "date") not in people[pid].date_ids:
                people[pid].dates.append((label, day))
                people[pid].date_ids[label or "date"] = did
    return people


def field_clock(person_id: str, name: str) -> str:
    row = database.execute_sql(
        "SELECT hlc FROM field_clock WHERE entity = 'person' AND row_id = ? AND field = ?",
        (person_id, name),
    ).fetchone()
    return row[0] if row else ""


# -- writes (inside the caller's transaction) ---------------------------------------------
def set_fields(person_id: str, values: dict[str, Any]) -> None:
    if values:
        journal.save(Person, person_id, values)


def add_contact(person_id: str, kind: str, label: str, value: str, original: str = "") -> None:
    journal.save(
        ContactPoint,
        None,
        {"person": person_id, "kind": kind, "label": label, "value": value, "original": original},
    )


def remove_contact(contact_id: str) -> None:
    journal.delete(ContactPoint, contact_id)


def set_date(person_id: str, label: str, day: str | None, row_id: str | None) -> None:
    if row_id and day:
        journal.save(ImportantDate, row_id, {"day": day})
    elif row_id:
        journal.delete(ImportantDate, row_id)
    elif day:
        journal.save(ImportantDate, None, {"person": person_id, "label": label, "day": day})


class NewPeople:
    """People new from the address book, written together at the end of the merge
    (bulk inserts through the journal: a first sync of thousands of cards)."""

    REBUILD_ABOVE = 2000  # new people past which the search index is rebuilt in bulk

    def __init__(self) -> None:
        self.people: list[dict[str, Any]] = []
        self.contacts: list[dict[str, Any]] = []
        self.dates: list[dict[str, Any]] = []
        self.held: dict[str, Held] = {}
        self.now = datetime.now().replace(microsecond=0)

    def add(self, incoming: Any, person_id: str | None) -> str:
        """Plan one person from a card read by the vCard import; returns their id."""
        pid = person_id or new_id()
        fields = {k: incoming.fields.get(k) for k in SCALARS}
        row = {k: v for k, v in fields.items() if v not in (None, "")}
        name = " ".join(str(fields.get("full_name") or "").split())[:500] or "?"
        row.update(id=pid, full_name=name, circle=circles.DEFAULT_CIRCLE, created=self.now)
        self.people.append(row)
        held = Held({**fields, "full_name": name}, [], [])
        for c in incoming.contacts:
            if c.kind in LISTS:
                self.contacts.append(
                    {
                        "id": new_id(),
                        "person": pid,
                        "kind": c.kind,
                        "label": c.label,
                        "value": c.value,
                        "original": c.original,
                    }
                )
                held.contacts.append((c.kind, c.label, c.value))
        for d in incoming.dates:
            self.dates.append({"id": new_id(), "person": pid, "label": d.label, "day": d.day})
            held.dates.append((d.label, d.day))
        self.held[pid] = held
        return pid

    def write(self) -> None:
        """Insert everything planned (inside the caller's transaction) and index it."""
        if not self.people:
            return
        journal.insert_many(Person, self.people)
        for model, rows in ((ContactPoint, self.contacts), (ImportantDate, self.dates)):
            if rows:
                journal.insert_many(model, rows)
        if len(self.people) > self.REBUILD_ABOVE:
            search_index.rebuild()
        else:
            search_index.refresh_rows([("person", row["id"]) for row in self.people])


def live_ids(ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for batch in chunks(list(ids), 500):
        marks = ", ".join("?" for _ in batch)
        found.update(
            r[0]
            for r in database.execute_sql(
                f"SELECT id FROM person WHERE deleted = 0 AND id IN ({marks})", batch
            )
        )
    return found


def existing_ids(ids: Iterable[str]) -> dict[str, bool]:
    """id → deleted, for the ids that exist at all."""
    found: dict[str, bool] = defaultdict(bool)
    for batch in chunks(list(ids), 500):
        marks = ", ".join("?" for _ in batch)
        for pid, deleted in database.execute_sql(
            f"SELECT id, deleted FROM person WHERE id IN ({marks})", batch
        ):
            found[pid] = bool(deleted)
    return dict(found)
