"""Undo and redo a whole batch of writes — an import — from the change log.

An import writes hundreds of rows in one transaction; undoing it must be one step, like
any edit. Every write already leaves its values in the append-only change log (``change``,
ordered by ``seq``), so a batch is the log between two marks. Undoing it writes, for
each field the batch touched, the value that field had before — and tombstones the rows
the batch created (never a ``DELETE``). Redoing writes the batch's own final values again.
Both are ordinary journalled writes, so sync carries them like any other edit.
"""

from __future__ import annotations

from typing import Any

from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import ENTITY_NAMES, Change, database


def change_mark() -> int:
    """The newest change-log position: take one before and one after a batch of writes."""
    row = database.execute_sql("SELECT COALESCE(MAX(seq), 0) FROM change").fetchone()
    return int(row[0])


def _batch(after: int, upto: int) -> dict[tuple[str, str], dict[str, Any]]:
    """(entity, row) -> {field: last value written} for the changes in (after, upto]."""
    touched: dict[tuple[str, str], dict[str, Any]] = {}
    query = (
        Change.select(Change.entity, Change.row_id, Change.field, Change.value)
        .where((Change.seq > after) & (Change.seq <= upto))
        .order_by(Change.seq)
        .tuples()
    )
    for entity, row_id, field, value in query:
        touched.setdefault((entity, row_id), {})[field] = journal.decode_value(value)
    return touched


def _before(entity: str, row_id: str, after: int) -> dict[str, Any]:
    """Each field's value as of ``after`` (empty: the row did not exist yet)."""
    values: dict[str, Any] = {}
    query = (
        Change.select(Change.field, Change.value)
        .where((Change.entity == entity) & (Change.row_id == row_id) & (Change.seq <= after))
        .order_by(Change.seq)
        .tuples()
    )
    for field, value in query:
        values[field] = journal.decode_value(value)
    return values


def _write(entity: str, row_id: str, values: dict[str, Any]) -> None:
    model = ENTITY_NAMES.get(entity)
    if model is None or not values:
        return
    known = {k: v for k, v in values.items() if k in model._meta.fields}
    if known:
        journal.save(model, row_id, known)


@operation
def revert_batch(after: int, upto: int) -> int:
    """Put every row the batch (after, upto] touched back as it was; returns rows touched."""
    batch = _batch(after, upto)
    for (entity, row_id), fields in batch.items():
        before = _before(entity, row_id, after)
        if not before:  # created by the batch: hide it again
            _write(entity, row_id, {"deleted": True})
            continue
        model = ENTITY_NAMES.get(entity)
        # A field never journalled before the batch still had the model's default
        # (a new row journals only what differs from the defaults).
        _write(entity, row_id, {f: before.get(f, _default(model, f)) for f in fields})
    return len(batch)


def _default(model: Any, field: str) -> Any:
    column = model._meta.fields.get(field) if model is not None else None
    if column is None:
        return None
    default = column.default
    return default() if callable(default) else default


@operation
def reapply_batch(after: int, upto: int) -> int:
    """Write the batch's own final values again (redo after :func:`revert_batch`)."""
    batch = _batch(after, upto)
    for (entity, row_id), fields in batch.items():
        _write(entity, row_id, fields)
    return len(batch)
