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

Between two saves (they are throttled while typing) every change to the notes is also
appended to a journal file beside the database (:class:`NotesJournal`): one ``write`` per
keystroke reaches the operating system at once, so a killed process loses nothing typed.
The journal holds the notes as of the last save and the edits since; :func:`load` and
:func:`peek` replay it over the saved draft.
"""

from __future__ import annotations

import json
import os
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
    draft = _decode(row.content) if row is not None else None
    folder = _open_folder()
    return draft if folder is None else _with_journal(draft, journal_path(folder, key))


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
    folder = _open_folder()
    if folder is not None:
        journal_path(folder, key).unlink(missing_ok=True)


def peek(folder: Path, key: str) -> dict[str, Any] | None:
    """Read a draft without opening the store (no Peewee, no upgrade, nothing written).

    Any problem — no file yet, an older file without the table, a locked or damaged
    file — gives None here; opening the store afterwards reports it properly.
    """
    from desktop import paths

    path = paths.database_path(folder)
    journal = journal_path(folder, key)
    if not path.is_file():
        return _with_journal(None, journal)
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            row = connection.execute("SELECT content FROM draft WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return _with_journal(None, journal)
    return _with_journal(_decode(row[0]) if row else None, journal)


def _decode(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {"notes": str(text)}
    return value if isinstance(value, dict) else {"notes": str(text)}


# ------------------------------------------------------------------------ the journal


def journal_path(folder: Path, key: str) -> Path:
    return folder / "drafts" / f"{key}.journal"


def _open_folder() -> Path | None:
    from desktop.storage.models import database

    if database.obj is None:
        return None
    return Path(database.obj.database).parent


def open_journal(key: str) -> NotesJournal | None:
    """The journal of ``key`` in the open data folder (None when no store is open)."""
    folder = _open_folder()
    return None if folder is None else NotesJournal(journal_path(folder, key))


def replay(path: Path) -> str | None:
    """The notes a journal ends with, or None when there is no readable journal.

    A line cut short by a kill (the last one) ends the replay: everything before it is
    kept, which is everything that was typed before the last keystroke's write.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    text: str | None = None
    for line in raw.split(b"\n"):
        try:
            entry = json.loads(line)
        except ValueError:
            break
        if not isinstance(entry, dict):
            break
        if "base" in entry:
            text = str(entry["base"])
            continue
        if text is None:
            break
        try:
            at, removed, added = int(entry["p"]), int(entry["r"]), str(entry["a"])
        except (KeyError, TypeError, ValueError):
            break
        if not (0 <= at <= len(text) and 0 <= removed <= len(text) - at):
            break
        text = text[:at] + added + text[at + removed :]
    return text


def _with_journal(draft: dict[str, Any] | None, path: Path) -> dict[str, Any] | None:
    notes = replay(path)
    if notes is None or (draft or {}).get("notes") == notes:
        return draft
    if draft is None:
        return {"notes": notes} if notes else None
    return {**draft, "notes": notes}


class NotesJournal:
    """Appends every change of the notes to a file the moment it happens.

    ``reset(text)`` starts afresh from ``text`` (after each save of the draft); each
    :meth:`record` appends one JSON line ``{"p": at, "r": removed, "a": added}`` with a
    single ``os.write`` to a file opened for appending: in the operating system's cache at
    once, so it survives the process being killed (not the machine losing power, which
    the throttled, synced draft save covers).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._text = ""

    def reset(self, text: str) -> None:
        self.close()
        from desktop.storage.private import create_private, private_folder

        private_folder(self.path.parent)  # what is typed is as private as the database
        temporary = self.path.with_name(self.path.name + ".new")
        with os.fdopen(create_private(temporary), "w", encoding="ascii") as handle:
            handle.write(json.dumps({"base": text}) + "\n")
        os.replace(temporary, self.path)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        self._text = text

    def record(self, text: str) -> None:
        """Append the edit that turns the last recorded notes into ``text``."""
        if self._fd is None or text == self._text:
            return
        old = self._text
        start = 0
        limit = min(len(old), len(text))
        while start < limit and old[start] == text[start]:
            start += 1
        end = 0
        while end < limit - start and old[-1 - end] == text[-1 - end]:
            end += 1
        edit = {"p": start, "r": len(old) - start - end, "a": text[start : len(text) - end]}
        os.write(self._fd, (json.dumps(edit) + "\n").encode("ascii"))
        self._text = text

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)
