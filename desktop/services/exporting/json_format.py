"""The full JSON export's shape, shared by the exporter and the importer (docs/formats.md).

One object: ``format``, ``format_version`` and one list per record type, named in plural
snake case (public interface: keep the names). Each row carries every field of its
record except the sync bookkeeping (``updated``, ``deleted``); references are named
after their columns (``person_id``), dates and times are ISO 8601 text, photos base64.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime
from typing import Any

import peewee as pw

from desktop.storage.models import (
    Attendance,
    Commitment,
    ContactPoint,
    Conversation,
    Event,
    Exchange,
    ImportantDate,
    Introduction,
    Participant,
    Person,
    SyncedModel,
    Tag,
)

FORMAT = "rapport-export"
FORMAT_VERSION = 1
LISTS: tuple[tuple[str, type[SyncedModel]], ...] = (
    ("people", Person),
    ("contact_points", ContactPoint),
    ("tags", Tag),
    ("dates", ImportantDate),  # birthday, anniversary, …: day YYYY-MM-DD or --MM-DD
    ("conversations", Conversation),
    ("participants", Participant),
    ("commitments", Commitment),
    ("exchanges", Exchange),
    ("events", Event),
    ("attendances", Attendance),
    ("introductions", Introduction),
)
MODEL_OF = dict(LISTS)
_BOOKKEEPING = frozenset({"updated", "deleted"})


def columns(model: type[SyncedModel]) -> list[tuple[str, str, pw.Field]]:
    """(JSON key, model field name, field) for every exported field, ``id`` first."""
    out = []
    for name, field in model._meta.fields.items():
        if name in _BOOKKEEPING:
            continue
        key = field.column_name if isinstance(field, pw.ForeignKeyField) else name
        out.append((key, name, field))
    return out


def to_json(value: Any) -> Any:
    """A stored value as JSON: ISO text for dates and times, base64 for photos."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def from_json(field: pw.Field, value: Any) -> Any:
    """A JSON value back to what the field stores; ValueError names what is wrong."""
    if value is None:
        if field.null or (isinstance(field, pw.ForeignKeyField) and field.null):
            return None
        raise ValueError("must not be null")
    if isinstance(field, pw.ForeignKeyField | pw.TextField):
        if not isinstance(value, str):
            raise ValueError(f"must be text, not {type(value).__name__}")
        return _safe_text(value)
    if isinstance(field, pw.BooleanField):
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
        return value
    if isinstance(field, pw.IntegerField):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**62:
            raise ValueError("must be a whole number")
        return value
    if isinstance(field, pw.DateTimeField):
        if not isinstance(value, str):
            raise ValueError("must be an ISO date and time")
        return datetime.fromisoformat(value)
    if isinstance(field, pw.DateField):
        if not isinstance(value, str):
            raise ValueError("must be an ISO date")
        return date.fromisoformat(value)
    if isinstance(field, pw.BlobField):
        if not isinstance(value, str):
            raise ValueError("must be base64 text")
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError("is not valid base64") from exc
    return value


def _safe_text(value: str) -> str:
    """The text unchanged, unless it holds lone surrogates SQLite cannot store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "replace").decode("utf-8")
    return value
