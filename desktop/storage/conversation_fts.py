"""Schema step 5: the conversation full-text index reads its text from the conversation rows.

Before this step ``conversation_index`` was an ordinary FTS5 table and kept a second copy
of every note (``conversation_index_content``: 48 MB at 10,000 people). Now it is an
*external-content* FTS5 table over the view ``conversation_text`` (the live, not deleted,
conversations), so only the inverted index is stored.

Why these pieces:

- **A stable integer key.** FTS5 addresses its documents by integer rowid, and the
  conversation table's own rowid may change on VACUUM (it has a TEXT primary key), which
  would silently point the index at other notes. ``conversation.fts_key`` is a plain
  column (VACUUM keeps it) with an index, given in insertion order: the next free number
  (``max + 1``), so FTS5 receives ascending keys and writes few segments. It is local to
  this device: not in the Peewee model, never journalled, never synchronised.
- **Triggers keep the index current.** An external-content index must be told the *old*
  text to forget it; only a trigger still sees the old values after the row changed. They
  also cover every way a row is written (the journal, bulk inserts, sync apply, restore)
  with no Python involved, so the ``sqlite3`` shell can write a conversation safely too.
  Contentless tables were the other choice, but deleting from them needs SQLite 3.43
  (``contentless_delete``) and CI's Pythons link 3.40.

The statements are frozen as released; a later change is a new step.
"""

from __future__ import annotations

import peewee as pw

#: Columns the schema holds that no model declares (local bookkeeping, never synced).
LOCAL_COLUMNS: dict[str, frozenset[str]] = {"conversation": frozenset({"fts_key"})}

_COLUMNS = "title, place, notes"
_OLD = "old.fts_key, old.title, old.place, old.notes"
_NEW = "new.fts_key, new.title, new.place, new.notes"
_FORGET = (
    f"INSERT INTO conversation_index (conversation_index, rowid, {_COLUMNS}) SELECT 'delete', "
)
_LEARN = f"INSERT INTO conversation_index (rowid, {_COLUMNS}) SELECT "

# fmt: off
V5_SCHEMA: tuple[str, ...] = (
    'ALTER TABLE "conversation" ADD COLUMN "fts_key" INTEGER',
    'UPDATE "conversation" SET "fts_key" = rowid',
    'CREATE INDEX "conversation_fts_key" ON "conversation" ("fts_key")',
    'DROP TABLE "conversation_index"',
    'CREATE VIEW "conversation_text" AS SELECT "fts_key", "title", "place", "notes" '
    'FROM "conversation" WHERE "deleted" = 0',
    'CREATE VIRTUAL TABLE "conversation_index" USING fts5 ("title", "place", "notes", '
    "content='conversation_text', content_rowid='fts_key', "
    'tokenize="unicode61 remove_diacritics 2")',
    # A new row gets the next key; that UPDATE then indexes it (trigger below).
    'CREATE TRIGGER "conversation_fts_key" AFTER INSERT ON "conversation" '
    'WHEN new."fts_key" IS NULL BEGIN '
    'UPDATE "conversation" SET "fts_key" = '
    '(SELECT coalesce(max("fts_key"), 0) + 1 FROM "conversation") WHERE rowid = new.rowid; '
    "END",
    'CREATE TRIGGER "conversation_fts_insert" AFTER INSERT ON "conversation" '
    'WHEN new."fts_key" IS NOT NULL AND new."deleted" = 0 BEGIN '
    f"{_LEARN}{_NEW}; "
    "END",
    'CREATE TRIGGER "conversation_fts_update" AFTER UPDATE OF '
    '"fts_key", "deleted", "title", "place", "notes" ON "conversation" '
    "WHEN old.fts_key IS NOT new.fts_key OR old.deleted IS NOT new.deleted "
    "OR old.title IS NOT new.title OR old.place IS NOT new.place "
    "OR old.notes IS NOT new.notes BEGIN "
    f"{_FORGET}{_OLD} WHERE old.fts_key IS NOT NULL AND old.deleted = 0; "
    f"{_LEARN}{_NEW} WHERE new.fts_key IS NOT NULL AND new.deleted = 0; "
    "END",
    'CREATE TRIGGER "conversation_fts_delete" AFTER DELETE ON "conversation" '
    'WHEN old."fts_key" IS NOT NULL AND old."deleted" = 0 BEGIN '
    f"{_FORGET}{_OLD}; "
    "END",
    # Fill the new index in key order (one pass, few segments).
    f"INSERT INTO conversation_index (rowid, {_COLUMNS}) SELECT fts_key, {_COLUMNS} "
    'FROM "conversation" WHERE "deleted" = 0 ORDER BY "fts_key"',
)
# fmt: on


def step_5_conversation_fts(db: pw.SqliteDatabase) -> None:
    """Replace the note-copying conversation index by one that reads the rows (see above).

    The freed pages return to the file's free list; a VACUUM gives them back to the disk.
    """
    for statement in V5_SCHEMA:
        db.execute_sql(statement)
