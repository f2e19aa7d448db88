"""Writing a plan: one transaction, bulk inserts through the journal, then the search index.

New rows go through :func:`desktop.storage.journal.insert_many` (the same journal
guarantees as single saves, far faster); field updates of matched people go through
:func:`journal.save`. The caller (:func:`desktop.services.importing.apply_import`)
holds the transaction, so a failure anywhere leaves the data folder as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime
from typing import Any

from desktop.domain import circles
from desktop.services.importing.planning import HISTORY_ORDER, PERSON_FIELDS, PersonPlan, Plan
from desktop.storage import journal, search_index
from desktop.storage.models import (
    ContactPoint,
    ImportantDate,
    Participant,
    Person,
    Tag,
    database,
    new_id,
)

REBUILD_ABOVE = 2000  # new people + conversations past which the index is rebuilt in bulk
Progress = Callable[[str, int, int], None]


def _insert(model: type, rows: list[dict[str, Any]]) -> None:
    if rows:  # an empty batch would still touch the clock row
        journal.insert_many(model, rows)


def _person_row(plan: PersonPlan, now: datetime) -> dict[str, Any]:
    incoming = plan.incoming
    row = {k: v for k, v in incoming.fields.items() if k in PERSON_FIELDS}
    if not incoming.exact:
        row.setdefault("circle", circles.DEFAULT_CIRCLE)
        row["created"] = now
    row["id"] = plan.person_id
    return row


class _Ids:
    """Ids for new child rows: the file's own id when it is free, else a fresh one."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, hint: str | None) -> str:
        if hint and hint not in self.used:
            self.used.add(hint)
            return hint
        fresh = new_id()
        self.used.add(fresh)
        return fresh


def write_plan(plan: Plan, *, progress: Progress | None = None) -> Counter[str]:
    """Write everything ``plan`` holds; returns counts per kind of row written.

    Must run inside the caller's transaction.
    """
    if not database.in_transaction():
        raise RuntimeError("write_plan() needs an open transaction")
    report = progress or (lambda stage, done, total: None)
    # Progress between batches (people, contact points and tags, updates, each kind of
    # history), so a window writing on its GUI thread can repaint its progress bar.
    batches = 3 + len(HISTORY_ORDER)
    batch = 0

    def next_batch() -> None:
        nonlocal batch
        batch += 1
        report("writing", batch, batches)

    now = datetime.now().replace(microsecond=0)
    counts: Counter[str] = Counter()
    ids = _Ids()
    new = plan.new_people
    report("writing", 0, batches)
    _insert(Person, [_person_row(p, now) for p in new])
    counts["people"] = len(new)
    next_batch()
    contact_rows = []
    tag_rows = []
    for person in plan.people:
        for contact in person.new_contacts:
            contact_rows.append(
                {
                    "id": ids.take(contact.id_hint),
                    "person": person.person_id,
                    "kind": contact.kind,
                    "label": contact.label,
                    "value": contact.value,
                    "original": contact.original,
                }
            )
        for tag in person.new_tags:
            tag_rows.append(
                {"id": ids.take(tag.id_hint), "person": person.person_id, "name": tag.name}
            )
    date_rows = [
        {"id": ids.take(d.id_hint), "person": person.person_id, "label": d.label, "day": d.day}
        for person in plan.people
        for d in person.new_dates
    ]
    _insert(ContactPoint, contact_rows)
    _insert(Tag, tag_rows)
    _insert(ImportantDate, date_rows)
    counts["dates"] = len(date_rows)
    counts["contact_points"] = len(contact_rows)
    counts["tags"] = len(tag_rows)
    next_batch()
    updated = 0
    for person in plan.matched_people:
        if person.updates:
            journal.save(Person, person.person_id, person.updates)
        if person.changes_anything:
            updated += 1
    counts["updated_people"] = updated
    next_batch()
    rows = plan.rows
    for entity, model in HISTORY_ORDER:
        _insert(model, rows.get(entity, []))
        counts[entity + "s"] = len(rows.get(entity, []))
        if entity == "conversation":
            _insert(Participant, rows.get("participant", []))
            _insert(Tag, rows.get("tag", []))
        next_batch()
    _index(plan, len(new) + len(rows.get("conversation", [])))
    report("indexing", 1, 1)
    return counts


def _index(plan: Plan, bulk: int) -> None:
    if bulk > REBUILD_ABOVE:
        search_index.rebuild()
        return
    search_index.refresh_rows(
        [("person", p.person_id) for p in plan.people if p.changes_anything]
        + [("conversation", row["id"]) for row in plan.rows.get("conversation", [])]
    )
