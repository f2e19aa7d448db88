"""Conflicts sync settled: listing the losing values, bringing one back, marking them seen.

No Qt, no network. A restored value is a new local write, which then syncs like any edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import peewee as pw

from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import ENTITY_NAMES
from desktop.storage.sync_tables import Conflict


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    row_id: str
    field: str
    record: str  # "Ana Ruiz", "Conversation on 2024-05-01"…
    losing: str  # the value that lost, for display
    current: str  # the value in place now
    losing_hlc: str
    winning_hlc: str
    detected_at: datetime
    seen: bool


def _display(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, bytes | bytearray | memoryview):
        return f"(picture, {len(bytes(value)) // 1024 + 1} KB)"
    return str(value)


def _record_label(entity: str, row: Any) -> str:
    if row is None:
        return f"{entity} (not here yet)"
    for name in ("full_name", "title", "description", "name", "value", "note"):
        text = getattr(row, name, None)
        if text:
            return str(text)[:80]
    when = getattr(row, "happened_at", None)
    if when:
        return f"{entity.replace('_', ' ')} on {when:%Y-%m-%d}"
    return entity.replace("_", " ")


def _column_value(row: Any, model: Any, name: str) -> Any:
    field = model._meta.fields.get(name)
    if row is None or field is None:
        return None
    return getattr(row, name + "_id" if isinstance(field, pw.ForeignKeyField) else name)


def conflicts(*, include_seen: bool = True, limit: int = 500) -> list[ConflictView]:
    query = Conflict.select().where(Conflict.restored_at.is_null())
    if not include_seen:
        query = query.where(Conflict.seen == False)
    views = []
    for c in query.order_by(Conflict.detected_at.desc()).limit(limit):
        model = ENTITY_NAMES.get(c.entity)
        row = model.get_or_none(model.id == c.row_id) if model else None
        views.append(
            ConflictView(
                c.id,
                c.entity,
                c.row_id,
                c.field,
                _record_label(c.entity, row),
                _display(journal.decode_value(c.value)),
                _display(_column_value(row, model, c.field)),
                c.losing_hlc,
                c.winning_hlc,
                c.detected_at,
                bool(c.seen),
            )
        )
    return views


def _python_value(model: Any, name: str, value: Any) -> Any:
    field = model._meta.fields[name]
    if isinstance(value, str) and isinstance(field, pw.DateTimeField):
        return datetime.fromisoformat(value)
    if isinstance(value, str) and isinstance(field, pw.DateField):
        return date.fromisoformat(value)
    return value


@operation
def restore_conflict(conflict_id: str) -> None:
    """Bring a losing value back: a new local write of it, which then syncs like any edit."""
    conflict = Conflict.get_by_id(conflict_id)
    model = ENTITY_NAMES[conflict.entity]
    value = _python_value(model, conflict.field, journal.decode_value(conflict.value))
    journal.save(model, conflict.row_id, {conflict.field: value})
    Conflict.update(seen=True, restored_at=datetime.now().replace(microsecond=0)).where(
        Conflict.id == conflict_id
    ).execute()


def mark_conflicts_seen(ids: Iterable[str] | None = None) -> None:
    query = Conflict.update(seen=True)
    if ids is not None:
        query = query.where(Conflict.id.in_(list(ids)))
    query.execute()
