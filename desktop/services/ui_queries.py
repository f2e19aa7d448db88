"""Read-only queries the desktop UI needs beyond the bulk services: cheap and per-row.

The people list must paint before :func:`desktop.services.directory.summaries` (seconds
at 10,000 people) is done, and must refresh one card when one person changes instead of
rebuilding all of them. These functions serve exactly that; they never write and never
import Qt. Imports of heavier services happen inside the functions so that start-up only
pays for what the first paint needs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from desktop.storage.models import database
from desktop.storage.sql import chunks, placeholders

if TYPE_CHECKING:  # imported where used: the window's first paint needs none of them
    from desktop.domain.records import PersonSummary
    from desktop.domain.trust import TrustReading

_PERSON_COLUMNS = "id, full_name, headline, organization, circle, photo IS NOT NULL"
#: Entities whose rows carry a ``person_id`` column pointing at the person they concern.
_PERSON_CHILDREN = (
    "tag",
    "contact_point",
    "participant",
    "commitment",
    "exchange",
    "attendance",
    "important_date",
)


def _tags_of(person_ids: list[str] | None) -> dict[str, list[str]]:
    sql = "SELECT person_id, name FROM tag WHERE deleted = 0 AND person_id IS NOT NULL"
    params: list[str] = []
    if person_ids is not None:
        sql += f" AND person_id IN ({placeholders(person_ids)})"
        params = person_ids
    tags: dict[str, list[str]] = defaultdict(list)
    for person_id, name in database.execute_sql(sql + " ORDER BY name", params):
        tags[person_id].append(name)
    return tags


def _provisional(row: tuple, tags: dict[str, list[str]]) -> PersonSummary:
    from desktop.domain.records import PersonSummary

    pid, name, headline, organization, circle, has_photo = row
    return PersonSummary(
        id=pid,
        full_name=name,
        headline=headline,
        organization=organization,
        circle=circle,
        tags=tuple(tags.get(pid, ())),
        last_contact=None,
        trust_in_them=0,
        their_trust_in_me=0,
        promises_due=0,
        has_photo=bool(has_photo),
    )


def has_people() -> bool:
    """Whether the network holds anyone (the first-run page asks; a count would scan)."""
    row = database.execute_sql("SELECT EXISTS (SELECT 1 FROM person WHERE deleted = 0)")
    return bool(row.fetchone()[0])


def quick_summaries(*, limit: int | None = None) -> list[PersonSummary]:
    """Name-sorted cards without trust, last contact or due counts: milliseconds, not seconds.

    The UI shows these first (``limit`` = one screenful for the very first paint) and
    replaces them with :func:`desktop.services.directory.summaries` when that is ready.
    """
    sql = f"SELECT {_PERSON_COLUMNS} FROM person WHERE deleted = 0"
    if limit is not None:
        rows = database.execute_sql(
            sql + " ORDER BY full_name COLLATE NOCASE LIMIT ?", (limit,)
        ).fetchall()
        tags = _tags_of([r[0] for r in rows]) if rows else {}
    else:
        rows = database.execute_sql(sql).fetchall()
        tags = _tags_of(None)
    result = [_provisional(row, tags) for row in rows]
    result.sort(key=lambda s: s.full_name.casefold())
    return result


def summary_of(person_id: str, *, today: date | None = None) -> PersonSummary | None:
    """One live person's card summary, freshly computed (None when deleted or unknown).

    Reads the trust history directly rather than through the shared reading cache, so a
    card refreshed right after a write can never show a reading cached before it.
    """
    row = database.execute_sql(
        f"SELECT {_PERSON_COLUMNS} FROM person WHERE deleted = 0 AND id = ?", (person_id,)
    ).fetchone()
    if row is None:
        return None
    from desktop.domain.records import PersonSummary

    day = today or date.today()
    reading = reading_of(person_id, today=day)
    last = database.execute_sql(
        "SELECT MAX(c.happened_at) FROM participant pa JOIN conversation c "
        "ON c.id = pa.conversation_id WHERE pa.person_id = ? AND pa.deleted = 0 "
        "AND c.deleted = 0",
        (person_id,),
    ).fetchone()[0]
    due = database.execute_sql(
        "SELECT COUNT(*) FROM commitment WHERE person_id = ? AND deleted = 0 "
        "AND status = 'open' AND due IS NOT NULL AND due <= ?",
        (person_id, day.isoformat()),
    ).fetchone()[0]
    base = _provisional(row, _tags_of([person_id]))
    return PersonSummary(
        id=base.id,
        full_name=base.full_name,
        headline=base.headline,
        organization=base.organization,
        circle=base.circle,
        tags=base.tags,
        last_contact=datetime.fromisoformat(str(last)) if last else None,
        trust_in_them=reading.in_them,
        their_trust_in_me=reading.their_trust_in_me,
        promises_due=int(due),
        has_photo=base.has_photo,
    )


def reading_of(person_id: str, *, today: date | None = None) -> TrustReading:
    """Like :func:`desktop.services.trust.reading_for`, but never from the shared cache.

    A bulk :func:`~desktop.services.trust.readings_for_all` running on a worker thread
    refills that cache when it finishes, which can put back a reading computed before a
    write the GUI thread committed meanwhile. One person's reading costs about a
    millisecond, so the views that must reflect the latest write read it fresh.
    """
    from desktop.domain.trust import assess
    from desktop.services.trust import history_for

    day = today or date.today()
    return assess(history_for(person_id, today=day), today=day)


def people_touched(changes: Iterable[tuple[str, str]]) -> set[str]:
    """Which people a set of written rows (a store notification) concerns.

    Covers the person rows themselves, their child rows, the participants of changed
    conversations and both ends of an introduction — everything a contact card shows.
    """
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, row_id in changes:
        by_entity[entity].append(row_id)
    people: set[str] = set(by_entity.get("person", ()))
    sql = database.execute_sql
    for entity in _PERSON_CHILDREN:
        for chunk in chunks(by_entity.get(entity, []), 500):
            rows = sql(f"SELECT person_id FROM {entity} WHERE id IN ({placeholders(chunk)})", chunk)
            people.update(pid for (pid,) in rows if pid)
    for chunk in chunks(by_entity.get("conversation", []), 500):
        marks = placeholders(chunk)
        rows = sql(f"SELECT person_id FROM participant WHERE conversation_id IN ({marks})", chunk)
        people.update(pid for (pid,) in rows)
    for chunk in chunks(by_entity.get("introduction", []), 500):
        for row in sql(
            "SELECT person_id, introducer_id, other_id FROM introduction "
            f"WHERE id IN ({placeholders(chunk)})",
            chunk,
        ):
            people.update(pid for pid in row if pid)
    return people


def photo_of(person_id: str) -> bytes | None:
    """The thumbnail alone (the list paints avatars without loading whole cards)."""
    row = database.execute_sql("SELECT photo FROM person WHERE id = ?", (person_id,)).fetchone()
    return bytes(row[0]) if row and row[0] else None


def name_index() -> list[tuple[str, str, str]]:
    """(id, full name, organization) of every live person, name-sorted: for pickers."""
    rows = database.execute_sql(
        "SELECT id, full_name, organization FROM person WHERE deleted = 0"
    ).fetchall()
    rows.sort(key=lambda r: r[1].casefold())
    return [(pid, name, organization) for pid, name, organization in rows]


def introduction_fields(introduction_id: str) -> dict[str, object] | None:
    """A live introduction's fields, as ``record_introduction`` takes them (for undo)."""
    row = database.execute_sql(
        "SELECT introducer_id, person_id, other_id, happened_at, note FROM introduction "
        "WHERE id = ? AND deleted = 0",
        (introduction_id,),
    ).fetchone()
    if row is None:
        return None
    introducer, person, other, happened, note = row
    return {
        "introducer_id": introducer,
        "person_id": person,
        "other_id": other,
        "happened_at": datetime.fromisoformat(str(happened)) if happened else None,
        "note": note or "",
    }
