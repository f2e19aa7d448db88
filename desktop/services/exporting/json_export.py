"""The complete JSON export: every live record, streamed so 200,000 conversations fit.

Tombstones are left out, and so are rows that hang on one (a contact point of a deleted
person); a reference to a deleted conversation or event becomes null. What remains
imports back into an empty data folder record for record (tests/test_export_json.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import IO, Any

import peewee as pw

from desktop import __version__
from desktop.services.exporting.json_format import FORMAT, FORMAT_VERSION, LISTS, columns, to_json
from desktop.storage import schema
from desktop.storage.models import SyncedModel, database

# For each table: the conditions that keep a row (its parents must be live too).
_LIVE = {
    "person": "t.deleted = 0",
    "contact_point": "t.deleted = 0 AND t.person_id IN (SELECT id FROM person WHERE deleted = 0)",
    "important_date": "t.deleted = 0 AND t.person_id IN (SELECT id FROM person WHERE deleted = 0)",
    "tag": "t.deleted = 0 AND (t.person_id IN (SELECT id FROM person WHERE deleted = 0) "
    "OR t.conversation_id IN (SELECT id FROM conversation WHERE deleted = 0))",
    "conversation": "t.deleted = 0",
    "participant": "t.deleted = 0 AND t.person_id IN (SELECT id FROM person WHERE deleted = 0) "
    "AND t.conversation_id IN (SELECT id FROM conversation WHERE deleted = 0)",
    "commitment": "t.deleted = 0 AND t.person_id IN (SELECT id FROM person WHERE deleted = 0)",
    "exchange": "t.deleted = 0 AND t.person_id IN (SELECT id FROM person WHERE deleted = 0)",
    "event": "t.deleted = 0",
    "attendance": "t.deleted = 0 AND t.person_id IN (SELECT id FROM person WHERE deleted = 0) "
    "AND t.event_id IN (SELECT id FROM event WHERE deleted = 0)",
    "introduction": "t.deleted = 0 AND t.person_id IN (SELECT id FROM person WHERE deleted = 0) "
    "AND (t.introducer_id IS NULL OR t.introducer_id IN (SELECT id FROM person WHERE deleted = 0)) "
    "AND (t.other_id IS NULL OR t.other_id IN (SELECT id FROM person WHERE deleted = 0))",
}
# Optional references to records that may be deleted: exported as null then.
_NULLABLE = {
    "conversation_id": "conversation",
    "event_id": "event",
}


def _select(model: type[SyncedModel]) -> tuple[str, list[tuple[str, object]]]:
    table = model._meta.table_name
    parts = []
    plan = []
    for key, _, field in columns(model):
        column = field.column_name
        target = _NULLABLE.get(column)
        if target and field.null:
            parts.append(
                f"CASE WHEN t.{column} IN (SELECT id FROM {target} WHERE deleted = 0) "
                f"THEN t.{column} END"
            )
        else:
            parts.append(f"t.{column}")
        plan.append((key, field))
    sql = f'SELECT {", ".join(parts)} FROM "{table}" t WHERE {_LIVE[table]} ORDER BY t.id'
    return sql, plan


def write(
    handle: IO[str],
    *,
    progress: Callable[[str, int, int], None] | None = None,
    unreadable: list[str] | None = None,
) -> dict[str, int]:
    """Write the export to ``handle``; returns how many rows each list got.

    With ``unreadable`` (a damaged database, opened read-only), a list whose rows cannot
    all be read keeps the rows read before the damage, its name is added to
    ``unreadable``, and the export goes on with the next list: saving what can still be
    read is the point. Without it, the first error propagates.
    """
    report = progress or (lambda stage, done, total: None)
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": schema.SCHEMA_VERSION,
        "exported_at": datetime.now().replace(microsecond=0).isoformat(),
    }
    handle.write("{\n")
    for key, value in header.items():
        handle.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
    counts: dict[str, int] = {}
    for position, (list_name, model) in enumerate(LISTS):
        sql, plan = _select(model)
        handle.write(f'  "{list_name}": [')
        count = 0
        try:
            cursor = _cursor(sql, model, salvage=unreadable is not None)
            while batch := cursor.fetchmany(2000):
                chunks = []
                for raw in batch:
                    row = {
                        key: to_json(field.python_value(value))
                        for (key, field), value in zip(plan, raw, strict=True)
                    }
                    chunks.append("\n    " + json.dumps(row, ensure_ascii=False))
                handle.write(("," if count else "") + ",".join(chunks))
                count += len(batch)
        except (pw.DatabaseError, sqlite3.DatabaseError):
            if unreadable is None:
                raise
            unreadable.append(list_name)
        handle.write("\n  ]" if count else "]")
        handle.write(",\n" if position < len(LISTS) - 1 else "\n")
        counts[list_name] = count
        report("exporting", position + 1, len(LISTS))
    handle.write("}\n")
    return counts


def _cursor(sql: str, model: type[SyncedModel], *, salvage: bool) -> Any:
    """The list's rows; when salvaging, without the checks on parents if those fail
    (a damaged parent table must not hide a readable child table)."""
    try:
        return database.execute_sql(sql)
    except (pw.DatabaseError, sqlite3.DatabaseError):
        if not salvage:
            raise
        names = ", ".join(f"t.{field.column_name}" for _, _, field in columns(model))
        table = model._meta.table_name
        return database.execute_sql(f'SELECT {names} FROM "{table}" t WHERE t.deleted = 0')
