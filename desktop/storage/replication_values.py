"""Helpers of :mod:`desktop.storage.replication`: turning received JSON values into
the exact column values the writer stored, and keeping the search index current."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import peewee as pw

from desktop.storage import journal, search_index
from desktop.storage.models import SyncedModel, database
from desktop.storage.sync_tables import SyncState

FTS_STALE = "fts_stale"
FTS_ROW_LIMIT = 300  # above this many touched rows, rebuild the index once after the pull


_CONSTANTS = {"true": True, "false": False, "null": None}


def decode(text: str) -> Any:
    """``journal.decode_value`` with fast paths for the common plain strings and constants."""
    if text[:1] == '"' and "\\" not in text:
        return text[1:-1]  # JSON escapes every quote and control character with a backslash
    if text in _CONSTANTS:
        return _CONSTANTS[text]
    if text.isdigit():
        return int(text)
    return journal.decode_value(text)


def to_column(column: pw.Field, value: Any) -> Any:
    """A decoded change-log value as SQLite stores it (the same text the writer stored)."""
    if value is None:
        return None
    if isinstance(column, pw.BooleanField):
        return 1 if value else 0
    if isinstance(column, pw.DateTimeField) and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).isoformat(" ")
        except ValueError:
            return value
    return value


def required_fields(model: type[SyncedModel]) -> set[str]:
    """Fields a new row cannot be inserted without (required links such as ``person``)."""
    return {
        name
        for name, column in model._meta.fields.items()
        if name not in ("id", "updated", "deleted") and not column.null and column.default is None
    }


def default_value(column: pw.Field) -> Any:
    value = column.default() if callable(column.default) else column.default
    return to_column(column, value)


def refresh_search(touched: set[tuple[str, str]]) -> None:
    """Keep the index current after applying received changes; past FTS_ROW_LIMIT indexed
    rows, mark it stale instead and rebuild it once after the pull."""
    indexed = sum(1 for entity, _ in touched if entity in ("person", "conversation", "tag"))
    if indexed > FTS_ROW_LIMIT or search_stale():
        SyncState.insert(key=FTS_STALE, value="1").on_conflict_replace().execute()
        return
    search_index.refresh_rows(touched)


def search_stale() -> bool:
    return SyncState.get_or_none(SyncState.key == FTS_STALE) is not None


def rebuild_search_if_stale() -> bool:
    """Rebuild the full-text index once after a large pull; True if it was rebuilt."""
    if not search_stale():
        return False
    with database.atomic():
        search_index.rebuild()
        SyncState.delete().where(SyncState.key == FTS_STALE).execute()
    return True
