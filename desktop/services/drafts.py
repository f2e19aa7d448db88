"""Drafts: what the user is typing, kept in the database so no word is ever lost.

A draft is a JSON object under a key ("capture" for the capture window) in the local,
unsynchronised ``draft`` table. Drafts are not records: they bypass the change journal
(nothing to merge between devices) and are written straight through Peewee.

Why it survives a crash: each :func:`save` is its own committed transaction, written with
``synchronous=FULL`` (the store runs WAL with ``NORMAL``, which survives a killed process
but may lose the last commits on power loss; a draft is exactly what must survive the
laptop dying). Saving is an upsert of one row, so a draft is either the old one or the
new one, never half of each.

:func:`peek` reads a draft with the standard library's ``sqlite3`` alone, read-only,
without opening the store: ``rapport capture`` shows the restored draft in its first
frame, before Peewee is even imported.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

CAPTURE = "capture"
MAX_BYTES = 5_000_000  # a runaway paste still saves; beyond this something is wrong


def save(key: str, content: Mapping[str, Any]) -> None:
    """Store ``content`` under ``key``, replacing the previous draft, durably."""
    from desktop.storage.models import Draft, database

    text = json.dumps(dict(content), ensure_ascii=False)
    if len(text) > MAX_BYTES:
        raise ValueError(f"draft {key!r} is too large to keep ({len(text):,} characters)")
    now = datetime.now().replace(microsecond=0)
    own_transaction = not database.in_transaction()
    if own_transaction:
        database.execute_sql("PRAGMA synchronous = FULL")
    try:
        with database.atomic():
            Draft.insert(key=key, content=text, saved_at=now).on_conflict_replace().execute()
    finally:
        if own_transaction:
            database.execute_sql("PRAGMA synchronous = NORMAL")


def load(key: str) -> dict[str, Any] | None:
    """The draft under ``key``, or None. A damaged draft comes back as its raw text in
    ``{"notes": …}`` rather than being dropped: the words matter more than the form."""
    from desktop.storage.models import Draft

    row = Draft.get_or_none(Draft.key == key)
    return _decode(row.content) if row is not None else None


def saved_at(key: str) -> datetime | None:
    """When the draft was last saved (for "draft from yesterday, 18:02")."""
    from desktop.storage.models import Draft

    row = Draft.get_or_none(Draft.key == key)
    return row.saved_at if row is not None else None


def clear(key: str) -> None:
    """Forget the draft (after a successful save, or when the user empties the form)."""
    from desktop.storage.models import Draft, database

    with database.atomic():
        Draft.delete().where(Draft.key == key).execute()


def peek(folder: Path, key: str) -> dict[str, Any] | None:
    """Read a draft without opening the store (no Peewee, no upgrade, nothing written).

    Any problem — no file yet, an older file without the table, a locked or damaged
    file — gives None here; opening the store afterwards reports it properly.
    """
    from desktop import paths

    path = paths.database_path(folder)
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            row = connection.execute("SELECT content FROM draft WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return _decode(row[0]) if row else None


def _decode(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {"notes": str(text)}
    return value if isinstance(value, dict) else {"notes": str(text)}
