"""Undo and redo a whole batch of writes — an import — from the change log.

An import writes hundreds of rows in one transaction; undoing it must be one step, like
any edit. Every write leaves an entry in the change log (``change``, ordered by ``seq``):
a creation its ``deleted`` field, an edit its new values and, when the log did not hold
it yet, the value it superseded (a history entry, desktop.storage.log_rows). So a batch
is the log between two marks. Undoing it writes, for each field the batch touched, the
value that field had before — and tombstones the rows the batch created (never a
``DELETE``). Redoing writes the batch's own final values again (a created row: shown
again; its values are still in the row). Both are ordinary journalled writes, so sync
carries them like any other edit.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

from desktop.services.store import operation
from desktop.storage import journal
from desktop.storage.models import ENTITY_NAMES, Change, database
from desktop.storage.sync_tables import HISTORY


def change_mark() -> int:
    """The newest change-log position: take one before and one after a batch of writes."""
    row = database.execute_sql("SELECT COALESCE(MAX(seq), 0) FROM change").fetchone()
    return int(row[0])


def _window(after: int, upto: int) -> pw.ModelSelect:
    return Change.select().where((Change.seq > after) & (Change.seq <= upto))


def _batch(after: int, upto: int) -> dict[tuple[str, str], dict[str, Any]]:
    """(entity, row) -> {field: last value written} for the changes in (after, upto]."""
    touched: dict[tuple[str, str], dict[str, Any]] = {}
    query = (
        _window(after, upto)
        .select(Change.entity, Change.row_id, Change.field, Change.value)
        .where(Change.segment.is_null() | (Change.segment != HISTORY))
        .order_by(Change.seq)
        .tuples()
    )
    for entity, row_id, field, value in query:
        touched.setdefault((entity, row_id), {})[field] = journal.decode_value(value)
    return touched


def _start(after: int, upto: int) -> str:
    """The first stamp the batch wrote: a history entry older than it is a value from
    before the batch; a newer one is the batch's own, superseded within it."""
    first = (
        _window(after, upto)
        .select(pw.fn.MIN(Change.hlc))
        .where(Change.segment.is_null() | (Change.segment != HISTORY))
        .scalar()
    )
    return first or ""


def _before(entity: str, row_id: str, after: int, upto: int, start: str) -> dict[str, Any]:
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
    superseded = (
        _window(after, upto)
        .select(Change.field, Change.value)
        .where(
            (Change.entity == entity)
            & (Change.row_id == row_id)
            & (Change.segment == HISTORY)
            & (Change.hlc < start)
        )
        .order_by(Change.seq.desc())  # the first one logged wins
        .tuples()
    )
    for field, value in superseded:
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
    start = _start(after, upto)
    for (entity, row_id), fields in batch.items():
        before = _before(entity, row_id, after, upto, start)
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
