"""Per-field clocks stored sparsely: only where a field's clock is not the one its row implies.

SYNC.md merges field by field, so every field of every row has a clock (the HLC stamp of
the write that set it; "" for a field never written, which any real stamp beats). Most
rows are written once, so nearly every field shares one stamp: storing one
``field_clock`` row per field doubled the database for nothing. Now the clock a field
*implies* is:

- the row's **base** stamp (``updated``, or the ``"*"`` entry when it differs) for
  ``deleted`` and for every field whose value is not the model default — exactly what a
  creation writes (a new row journals ``deleted`` and its non-default fields);
- ``""`` for a field at its default (never written, as an old device also has it).

``field_clock`` holds an entry only where the true clock differs from the implied one
(an edited field, a field set back to its default, a tie). The encoding is a pure
function of the row's values, its ``updated`` and its true clocks, so two replicas with
the same state store the same entries, and the merge sees exactly the clocks the old
one-row-per-field table held: the wire format and the merge are unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import peewee as pw

from desktop.storage.models import SyncedModel, database
from desktop.storage.sql import chunks, placeholders

BASE = "*"  # the entry holding a row's base stamp when it is not ``updated``
Clocks = dict[str, str]  # field name → true clock (a field absent here has "")

_SKIP = ("id", "updated")


def _default(column: pw.Field) -> Any:
    """The model default as SQLite stores it (what a row read back holds)."""
    from desktop.storage.replication_values import default_value

    return default_value(column)


_plans: dict[type[SyncedModel], list[tuple[str, str, Any]]] = {}


def plan(model: type[SyncedModel]) -> list[tuple[str, str, Any]]:
    """(field name, column name, default as stored) of every clocked field."""
    found = _plans.get(model)
    if found is None:
        found = _plans[model] = [
            (name, column.column_name, _default(column))
            for name, column in model._meta.fields.items()
            if name not in _SKIP
        ]
    return found


def _eligible(name: str, value: Any, default: Any) -> bool:
    return name == "deleted" or (value != default and not (value is None and default is None))


def decode(model: type[SyncedModel], row: Mapping[str, Any], entries: Mapping[str, str]) -> Clocks:
    """The true clocks of one row from its stored columns and its sparse entries."""
    base = entries[BASE] if BASE in entries else (row.get("updated") or "")
    clocks: Clocks = {}
    for name, column, default in plan(model):
        if name in entries:
            stamp = entries[name]
        elif _eligible(name, row.get(column), default):
            stamp = base
        else:
            continue
        if stamp:
            clocks[name] = stamp
    return clocks


def encode(model: type[SyncedModel], row: Mapping[str, Any], clocks: Mapping[str, str]) -> Clocks:
    """The entries to store for a row whose columns are ``row`` and true clocks ``clocks``."""
    updated = row.get("updated") or ""
    fields = plan(model)
    eligible = [n for n, column, default in fields if _eligible(n, row.get(column), default)]
    counts = Counter(clocks.get(n, "") for n in eligible)
    best = max(counts.values(), default=0)
    # the most common stamp among fields that imply the base; ties: ``updated``, then the
    # greatest stamp (deterministic, so equal states store equal entries)
    base = (
        updated
        if counts.get(updated, 0) == best
        else max(s for s, c in counts.items() if c == best)
    )
    entries: Clocks = {} if base == updated else {BASE: base}
    chosen = set(eligible)
    for name, _column, _default_value in fields:
        implied = base if name in chosen else ""
        stamp = clocks.get(name, "")
        if stamp != implied:
            entries[name] = stamp
    return entries


def _rows(model: type[SyncedModel], ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    table = model._meta.table_name
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(ids):
        cursor = database.execute_sql(
            f'SELECT * FROM "{table}" WHERE id IN ({placeholders(chunk)})', tuple(chunk)
        )
        names = [d[0] for d in cursor.description]
        for record in cursor.fetchall():
            row = dict(zip(names, record, strict=True))
            found[row["id"]] = row
    return found


def _entries(entity: str, ids: Sequence[str]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for chunk in chunks(ids):
        for row_id, name, stamp in database.execute_sql(
            'SELECT row_id, field, hlc FROM "field_clock" WHERE entity = ? '
            f"AND row_id IN ({placeholders(chunk)})",
            (entity, *chunk),
        ):
            found.setdefault(row_id, {})[name] = stamp
    return found


def read_rows(
    model: type[SyncedModel], ids: Sequence[str]
) -> tuple[dict[str, dict[str, Any]], dict[str, Clocks]]:
    """The stored rows (column → value) of ``ids`` that exist, and their true clocks."""
    ids = list(ids)
    rows = _rows(model, ids)
    entries = _entries(model._meta.table_name, list(rows))
    return rows, {i: decode(model, row, entries.get(i, {})) for i, row in rows.items()}


def read(model: type[SyncedModel], ids: Sequence[str]) -> dict[str, Clocks]:
    """True clocks of the rows of ``ids`` that exist."""
    return read_rows(model, ids)[1]


def of_row(model: type[SyncedModel], row_id: str) -> Clocks:
    return read(model, [row_id]).get(row_id, {})


def write(model: type[SyncedModel], clocks: Mapping[str, Mapping[str, str]]) -> None:
    """Store the true clocks of rows already written (their columns are read back)."""
    if not clocks:
        return
    ids = sorted(clocks)
    rows = _rows(model, ids)
    store(model, ((i, rows[i], clocks[i]) for i in ids if i in rows), replace=True)


def store(
    model: type[SyncedModel],
    rows: Iterable[tuple[str, Mapping[str, Any], Mapping[str, str]]],
    *,
    replace: bool,
) -> None:
    """Store (row id, columns, true clocks) triples; ``replace`` drops earlier entries."""
    entity = model._meta.table_name
    ids: list[str] = []
    out: list[tuple[str, str, str, str]] = []
    for row_id, row, true in rows:
        ids.append(row_id)
        out.extend((entity, row_id, n, s) for n, s in encode(model, row, true).items())
    cursor = database.obj.cursor()
    if replace:
        for chunk in chunks(sorted(ids)):
            cursor.execute(
                f'DELETE FROM "field_clock" WHERE entity = ? AND row_id IN ({placeholders(chunk)})',
                (entity, *chunk),
            )
    out.sort()
    cursor.executemany(
        'INSERT OR REPLACE INTO "field_clock" (entity, row_id, field, hlc) VALUES (?, ?, ?, ?)',
        out,
    )


def all_clocks() -> dict[tuple[str, str, str], str]:
    """Every true clock of the store, (entity, row, field) → stamp (tests, digests)."""
    from desktop.storage.models import SYNCED_MODELS

    out: dict[tuple[str, str, str], str] = {}
    for model in SYNCED_MODELS:
        entity = model._meta.table_name
        ids = [r[0] for r in database.execute_sql(f'SELECT id FROM "{entity}"')]
        for row_id, true in read(model, ids).items():
            for name, stamp in true.items():
                out[(entity, row_id, name)] = stamp
    return out
