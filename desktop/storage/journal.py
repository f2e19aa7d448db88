"""The one way rows are written: row, per-field clock and change log in one transaction.

SYNC.md's merge works field by field, so every local write records, for each field it
changes, the winning hybrid-logical-clock stamp (sparsely: :mod:`desktop.storage.clocks`)
and a change-log entry with the JSON value (``change``). Nothing else in the code base writes
a synced table; nothing ever ``DELETE``s one (deletion is ``deleted = True``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from json.encoder import encode_basestring as _encode_string  # C speed-up
from typing import Any

import peewee as pw

from desktop.storage import clocks, log_rows, search_index
from desktop.storage.hlc import HybridLogicalClock
from desktop.storage.models import (
    Change,
    Meta,
    SyncedModel,
    database,
)
from desktop.storage.sql import placeholders

SKIP_FIELDS = frozenset({"id", "updated"})
_BULK_TABLES = (
    "change",
    "participant",
    "conversation",
    "commitment",
    "exchange",
    "tag",
    "contact_point",
    "attendance",
    "introduction",
    "important_date",
)
BATCH = 400  # rows per INSERT: stays under SQLite's bound-parameter limit for wide tables

_clock: HybridLogicalClock | None = None
_clock_db: object | None = None
_touched: set[tuple[str, str]] = set()


def encode_value(value: Any) -> str:
    """JSON for the change log: dates as ISO text, blobs as base64, the rest as JSON."""
    kind = type(value)
    if kind is str:
        return _encode_string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    elif isinstance(value, bytes | bytearray | memoryview):
        value = {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return json.dumps(value, ensure_ascii=False)


def decode_value(text: str) -> Any:
    value = json.loads(text)
    if isinstance(value, dict) and "$b64" in value:
        return base64.b64decode(value["$b64"])
    return value


def clock() -> HybridLogicalClock:
    """The device's clock, loaded once per open database."""
    global _clock, _clock_db
    if _clock is None or _clock_db is not database.obj:
        device = Meta.get(Meta.key == "device_id").value
        last = Meta.get_or_none(Meta.key == "hlc_last")
        _clock = HybridLogicalClock(device_id=device, last=last.value if last else "")
        _clock_db = database.obj
    return _clock


def _persist_clock() -> None:
    Meta.insert(key="hlc_last", value=clock().last).on_conflict_replace().execute()


def _field_names(model: type[SyncedModel]) -> list[str]:
    return [name for name in model._meta.fields if name not in SKIP_FIELDS]


def _column_value(model: type[SyncedModel], name: str, value: Any) -> Any:
    field = model._meta.fields[name]
    if isinstance(field, pw.ForeignKeyField) and isinstance(value, pw.Model):
        return value.get_id()
    return value


def save(model: type[SyncedModel], row_id: str | None, values: Mapping[str, Any]) -> str:
    """Create or update one row; return its id. Unchanged fields are not journalled."""
    unknown = set(values) - set(model._meta.fields) - {"id"}
    if unknown:
        raise ValueError(f"{model.__name__} has no field(s) {sorted(unknown)}")
    values = {name: _column_value(model, name, v) for name, v in values.items()}
    with database.atomic():
        existing = model.get_or_none(model.id == row_id) if row_id else None
        hlc = clock().tick()
        if existing is None:
            row = model(**values)
            if row_id:
                row.id = row_id
            row.updated = hlc
            row.save(force_insert=True)
            row_id = str(row.id)
            before: dict[str, str] = {}
            changed = _creation_fields(
                model,
                {
                    n: getattr(row, n + "_id" if _is_fk(model, n) else n)
                    for n in _field_names(model)
                },
            )
            logged = {"deleted": changed["deleted"]}  # the row is the state (log_rows)
        else:
            changed = {}
            for name, value in values.items():
                current = getattr(existing, name + "_id" if _is_fk(model, name) else name)
                if current != value:
                    changed[name] = value
            if not changed:
                return str(row_id)
            before = clocks.of_row(model, str(row_id))
            superseded = {
                name: getattr(existing, name + "_id" if _is_fk(model, name) else name)
                for name in changed
            }
            # SYNC.md: a row is hidden only while its delete is newer than every other
            # field, so an edit after a delete brings it back (as on every other replica).
            revived = {"deleted": False} if existing.deleted and "deleted" not in changed else {}
            if revived and before.get("deleted"):
                # the column will show the row, the field still holds the delete: the log
                # must hold it (log_rows.tombstones), also for a row nothing logged yet
                superseded["deleted"] = True
            history = log_rows.history_for(model, str(row_id), superseded, before)
            model.update(**changed, **revived, updated=hlc).where(model.id == row_id).execute()
            _store_history(history)
            logged = changed
        clocks.write(model, {str(row_id): {**before, **dict.fromkeys(changed, hlc)}})
        _journal(model._meta.table_name, str(row_id), logged, hlc)
        _persist_clock()
        search_index.refresh_rows([(model._meta.table_name, str(row_id))])
        _touched.add((model._meta.table_name, str(row_id)))
    return str(row_id)


def _creation_fields(model: type[SyncedModel], values: Mapping[str, Any]) -> dict[str, Any]:
    """What a new row's journal must carry: ``deleted`` (its existence) and every field
    that differs from the model default. Every replica starts from the same defaults, so
    leaving them out loses nothing and keeps bulk imports small."""
    defaults = _defaults(model)
    return {
        name: value
        for name, value in values.items()
        if name == "deleted" or value != defaults[name]
    }


def _defaults(model: type[SyncedModel]) -> dict[str, Any]:
    return {name: model._meta.fields[name].default for name in _field_names(model)}


def _is_fk(model: type[SyncedModel], name: str) -> bool:
    return isinstance(model._meta.fields[name], pw.ForeignKeyField)


def _journal(entity: str, row_id: str, changed: Mapping[str, Any], hlc: str) -> None:
    Change.insert_many(
        [(hlc, entity, row_id, name, encode_value(v)) for name, v in changed.items()],
        fields=[Change.hlc, Change.entity, Change.row_id, Change.field, Change.value],
    ).execute()


def _store_history(rows: list[tuple[str, str, str, str, str, int]]) -> None:
    database.obj.cursor().executemany(
        'INSERT INTO "change" (hlc, entity, row_id, field, value, segment) '
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def delete(model: type[SyncedModel], row_id: str) -> None:
    """Tombstone a row: the only way anything is deleted."""
    _require(model, row_id)
    save(model, row_id, {"deleted": True})


def restore(model: type[SyncedModel], row_id: str) -> None:
    _require(model, row_id)
    save(model, row_id, {"deleted": False})


def _require(model: type[SyncedModel], row_id: str) -> None:
    """Deleting or restoring a row that never existed is a bug, not a silent create."""
    if not model.select().where(model.id == row_id).exists():
        raise LookupError(f"no {model._meta.table_name} row {row_id}")


def insert_many(
    model: type[SyncedModel], rows: Iterable[Mapping[str, Any]], *, logged: bool = True
) -> list[str]:
    """Create many rows at once (demo, import) with the same journal guarantees as :func:`save`.

    The caller owns the transaction and re-indexes search afterwards
    (:func:`desktop.storage.search_index.rebuild`), which is far faster in bulk. New rows
    need no field-clock entries (see :mod:`desktop.storage.clocks`) and log one entry each
    (their ``deleted``: see :mod:`desktop.storage.log_rows`); ``logged=False`` (the demo,
    never undone) logs none: turning sync on gives such rows their entries.
    """
    names = _field_names(model)
    fields = model._meta.fields
    allowed = {*names, "id"}
    columns = ["id", "updated", *(fields[n].column_name for n in names)]
    defaults = _defaults(model)
    plain = (pw.TextField, pw.IntegerField, pw.ForeignKeyField)
    plan = [
        (
            name,
            defaults[name],
            None if isinstance(fields[name], plain) else fields[name].db_value,
            isinstance(fields[name], pw.ForeignKeyField),
        )
        for name in names
    ]
    entity = model._meta.table_name
    row_tuples: list[tuple[Any, ...]] = []
    change_rows: list[tuple[str, str, str, str, str]] = []
    ids: list[str] = []
    tick = clock().tick
    for values in rows:
        unknown = values.keys() - allowed
        if unknown:
            raise ValueError(f"{model.__name__} has no field(s) {sorted(unknown)}")
        row_id = str(values.get("id") or _new_id())
        hlc = tick()
        record: list[Any] = [row_id, hlc]
        for name, default, convert, is_fk in plan:
            value = values.get(name, default)
            if is_fk and isinstance(value, pw.Model):
                value = value.get_id()
            record.append(convert(value) if convert else value)
            if logged and name == "deleted":  # the row holds the rest (log_rows)
                change_rows.append((hlc, entity, row_id, name, encode_value(value)))
        row_tuples.append(tuple(record))
        ids.append(row_id)
    cursor = database.obj.cursor()
    marks = placeholders(columns)
    quoted = ", ".join(f'"{c}"' for c in columns)
    cursor.executemany(f'INSERT INTO "{entity}" ({quoted}) VALUES ({marks})', row_tuples)
    cursor.executemany(
        'INSERT INTO "change" (hlc, entity, row_id, field, value) VALUES (?, ?, ?, ?, ?)',
        change_rows,
    )
    # No field-clock entries: a new row's fields all have the clock its row implies
    # (desktop.storage.clocks), which is exactly what a creation journals.
    _persist_clock()
    _touched.update((entity, row_id) for row_id in ids)
    return ids


def _column(model: type[SyncedModel], name: str) -> str:
    return model._meta.fields[name].column_name


def _new_id() -> str:
    from desktop.storage.models import new_id

    return new_id()


@contextmanager
def bulk_indexes_deferred() -> Iterator[None]:
    """Drop secondary indexes for a large bulk insert and rebuild them afterwards.

    Building an index once from sorted data is several times faster than growing it
    row by row with random UUID keys. Must run inside the caller's transaction, so a
    failure rolls the indexes back too.
    """
    if not database.in_transaction():
        raise RuntimeError("bulk_indexes_deferred() needs an open transaction")
    rows = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' for _ in _BULK_TABLES)}) "
        "AND name != 'conversation_fts_key'",  # each insert's trigger looks up the next key
        _BULK_TABLES,
    ).fetchall()
    for name, _ in rows:
        database.execute_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        for _, sql in rows:
            database.execute_sql(sql)


def drain_touched() -> set[tuple[str, str]]:
    """Rows written since the last call, for change notifications after commit."""
    touched = set(_touched)
    _touched.clear()
    return touched


def mark_touched(rows: Iterable[tuple[str, str]]) -> None:
    """Record rows written outside :func:`save` (sync's replication) for the next notification."""
    _touched.update(rows)
