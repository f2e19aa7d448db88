"""Numbered, atomic schema upgrade steps; the version lives in ``PRAGMA user_version``.

Each step is frozen once released: step 1 is the literal SQL of the first schema (never
regenerated from today's models, or old files would skip columns), later steps use
Peewee's ``playhouse.migrate`` operations. ``desktop.storage.db`` runs them in order,
each in its own transaction, after an online backup of an existing file.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw

from desktop.storage.conversation_fts import step_5_conversation_fts
from desktop.storage.models import Draft

# fmt: off
V1_SCHEMA: tuple[str, ...] = (
    'CREATE TABLE "event" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "title" TEXT NOT NULL, "starts_at" DATETIME, "ends_at" DATETIME, "place" TEXT NOT NULL, "notes" TEXT NOT NULL, "goals" TEXT NOT NULL)',
    'CREATE TABLE "person" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "full_name" TEXT NOT NULL, "nickname" TEXT NOT NULL, "pronunciation" TEXT NOT NULL, "headline" TEXT NOT NULL, "organization" TEXT NOT NULL, "location" TEXT NOT NULL, "how_we_met" TEXT NOT NULL, "about" TEXT NOT NULL, "interests" TEXT NOT NULL, "family" TEXT NOT NULL, "working_on" TEXT NOT NULL, "help_them" TEXT NOT NULL, "help_me" TEXT NOT NULL, "circle" TEXT NOT NULL, "cadence_days" INTEGER, "credibility" INTEGER, "photo" BLOB, "confidential_fields" TEXT NOT NULL, "created" DATETIME)',
    'CREATE TABLE "attendance" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "event_id" TEXT NOT NULL, "person_id" TEXT NOT NULL, "status" TEXT NOT NULL, "why" TEXT NOT NULL, "focus" INTEGER NOT NULL, FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "attendance_event_id" ON "attendance" ("event_id")',
    'CREATE INDEX "attendance_person_id" ON "attendance" ("person_id")',
    'CREATE TABLE "change" ("seq" INTEGER NOT NULL PRIMARY KEY, "hlc" TEXT NOT NULL, "entity" TEXT NOT NULL, "row_id" TEXT NOT NULL, "field" TEXT NOT NULL, "value" TEXT NOT NULL, "segment" INTEGER)',
    'CREATE INDEX "change_segment" ON "change" ("segment")',
    'CREATE TABLE "conversation" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "happened_at" DATETIME, "kind" TEXT NOT NULL, "place" TEXT NOT NULL, "event_id" TEXT, "title" TEXT NOT NULL, "notes" TEXT NOT NULL, "depth" TEXT NOT NULL, "confidential" INTEGER NOT NULL, FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "conversation_event_id" ON "conversation" ("event_id")',
    'CREATE TABLE "commitment" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "owner" TEXT NOT NULL, "person_id" TEXT NOT NULL, "description" TEXT NOT NULL, "due" DATE, "status" TEXT NOT NULL, "resolved_at" DATETIME, "made_at" DATETIME, "snoozed_until" DATE, "conversation_id" TEXT, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "commitment_person_id" ON "commitment" ("person_id")',
    'CREATE INDEX "commitment_conversation_id" ON "commitment" ("conversation_id")',
    'CREATE TABLE "contact_point" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "person_id" TEXT NOT NULL, "kind" TEXT NOT NULL, "label" TEXT NOT NULL, "value" TEXT NOT NULL, "original" TEXT NOT NULL, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "contact_point_person_id" ON "contact_point" ("person_id")',
    'CREATE VIRTUAL TABLE "conversation_index" USING fts5 ("conversation_id" UNINDEXED, "title", "place", "notes", tokenize="unicode61 remove_diacritics 2")',
    'CREATE TABLE "exchange" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "person_id" TEXT NOT NULL, "direction" TEXT NOT NULL, "kind" TEXT NOT NULL, "description" TEXT NOT NULL, "happened_at" DATETIME, "conversation_id" TEXT, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "exchange_person_id" ON "exchange" ("person_id")',
    'CREATE INDEX "exchange_conversation_id" ON "exchange" ("conversation_id")',
    'CREATE TABLE "field_clock" ("entity" TEXT NOT NULL, "row_id" TEXT NOT NULL, "field" TEXT NOT NULL, "hlc" TEXT NOT NULL, PRIMARY KEY ("entity", "row_id", "field")) WITHOUT ROWID',
    'CREATE TABLE "introduction" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "introducer_id" TEXT, "person_id" TEXT NOT NULL, "other_id" TEXT, "happened_at" DATETIME, "note" TEXT NOT NULL, FOREIGN KEY ("introducer_id") REFERENCES "person" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE, FOREIGN KEY ("other_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "introduction_introducer_id" ON "introduction" ("introducer_id")',
    'CREATE INDEX "introduction_person_id" ON "introduction" ("person_id")',
    'CREATE INDEX "introduction_other_id" ON "introduction" ("other_id")',
    'CREATE TABLE "meta" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "participant" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "conversation_id" TEXT NOT NULL, "person_id" TEXT NOT NULL, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "participant_conversation_id" ON "participant" ("conversation_id")',
    'CREATE INDEX "participant_person_id" ON "participant" ("person_id")',
    'CREATE VIRTUAL TABLE "person_index" USING fts5 ("person_id" UNINDEXED, "name", "nickname", "organization", "headline", "tags", "about", prefix=\'1 2 3\', tokenize="unicode61 remove_diacritics 2")',
    'CREATE TABLE "tag" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, "deleted" INTEGER NOT NULL, "person_id" TEXT, "conversation_id" TEXT, "name" TEXT NOT NULL, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "tag_person_id" ON "tag" ("person_id")',
    'CREATE INDEX "tag_conversation_id" ON "tag" ("conversation_id")',
)
# fmt: on

# Step 3 as released: the literal SQL ``create_tables(SYNC_TABLES)`` produced then, so a
# later change to a sync table's model cannot change what upgrading an old file creates.
# fmt: off
V3_SCHEMA: tuple[str, ...] = (
    'CREATE TABLE "conflict" ("id" TEXT NOT NULL PRIMARY KEY, "entity" TEXT NOT NULL, "row_id" TEXT NOT NULL, "field" TEXT NOT NULL, "value" TEXT NOT NULL, "losing_hlc" TEXT NOT NULL, "winning_hlc" TEXT NOT NULL, "seen" INTEGER NOT NULL, "detected_at" DATETIME NOT NULL, "restored_at" DATETIME)',
    'CREATE INDEX "conflict_seen" ON "conflict" ("seen")',
    'CREATE TABLE "sync_device" ("device_id" TEXT NOT NULL PRIMARY KEY, "hlc_device" TEXT NOT NULL, "name" TEXT NOT NULL, "platform" TEXT NOT NULL, "app_version" TEXT NOT NULL, "cursor" INTEGER NOT NULL, "last_hlc" TEXT NOT NULL, "seen_at" DATETIME)',
    'CREATE TABLE "sync_parked" ("entity" TEXT NOT NULL, "row_id" TEXT NOT NULL, "hlc" TEXT NOT NULL, "field" TEXT NOT NULL, "value" TEXT NOT NULL, "seen" TEXT, PRIMARY KEY ("entity", "row_id", "hlc", "field")) WITHOUT ROWID',
    'CREATE TABLE "sync_seen" ("log_seq" INTEGER NOT NULL, "origin" TEXT NOT NULL, "hlc" TEXT NOT NULL, PRIMARY KEY ("log_seq", "origin")) WITHOUT ROWID',
    'CREATE TABLE "sync_state" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "sync_vector" ("origin" TEXT NOT NULL, "first_hlc" TEXT NOT NULL, "last_hlc" TEXT NOT NULL, "seen" TEXT NOT NULL, PRIMARY KEY ("origin", "last_hlc")) WITHOUT ROWID',
)
# fmt: on


def step_1_initial(db: pw.SqliteDatabase) -> None:
    """The first released schema: every record of DESIGN.md, the journal and FTS5."""
    for statement in V1_SCHEMA:
        db.execute_sql(statement)


def step_2_pronouns_drafts_indexes(db: pw.SqliteDatabase) -> None:
    """Pronouns on people, a local draft table for capture, and indexes for the Today lists."""
    from playhouse.migrate import SqliteMigrator, migrate  # only when upgrading: ~10 ms

    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_column("person", "pronouns", pw.TextField(default="")),
        migrator.add_index("conversation", ("happened_at",)),
        migrator.add_index("commitment", ("status", "due")),
    )
    db.create_tables([Draft])


def step_3_sync(db: pw.SqliteDatabase) -> None:
    """Sync's local side tables (settings, cursors, seen-vectors, conflicts; SYNC.md)."""
    for statement in V3_SCHEMA:
        db.execute_sql(statement)


V4_SCHEMA: tuple[str, ...] = (
    'CREATE TABLE "important_date" ("id" TEXT NOT NULL PRIMARY KEY, "updated" TEXT NOT NULL, '
    '"deleted" INTEGER NOT NULL, "person_id" TEXT NOT NULL, "label" TEXT NOT NULL, '
    '"day" TEXT NOT NULL, FOREIGN KEY ("person_id") REFERENCES "person" ("id") '
    "ON DELETE CASCADE)",
    'CREATE INDEX "important_date_person_id" ON "important_date" ("person_id")',
)


def step_4_dates(db: pw.SqliteDatabase) -> None:
    """Important dates as records of their own; the old ``Birthday:`` lines become dates.

    The conversion writes through the journal (so it syncs) in the step's transaction: an
    interrupted upgrade leaves neither the table nor half the dates.
    """
    for statement in V4_SCHEMA:
        db.execute_sql(statement)
    if db.execute_sql("SELECT 1 FROM meta WHERE key = 'device_id'").fetchone() is None:
        return  # a new file: no person yet, nothing to convert
    from desktop.storage.dates_migration import migrate_date_lines

    migrate_date_lines()


def step_6_state_once(db: pw.SqliteDatabase) -> None:
    """Sync bookkeeping stored once (desktop.storage.state_once), then compacted."""
    from desktop.storage.state_once import step_6_state_once as run

    run(db)


STEPS: dict[int, Callable[[pw.SqliteDatabase], None]] = {
    1: step_1_initial,
    2: step_2_pronouns_drafts_indexes,
    3: step_3_sync,
    4: step_4_dates,
    5: step_5_conversation_fts,
    6: step_6_state_once,
}
SCHEMA_VERSION = max(STEPS)

#: Tables only Rapport makes: a file with a schema version but without these is another
#: program's SQLite file that happens to use ``user_version`` too, and is never touched.
RAPPORT_MARKERS = frozenset({"meta", "change", "field_clock"})


def expected_tables(version: int) -> frozenset[str]:
    """The tables a Rapport database of schema ``version`` must hold."""
    names: set[str] = set()
    if version >= 1:
        names.update(_tables(V1_SCHEMA))
    if version >= 2:
        names.add(Draft._meta.table_name)
    if version >= 3:
        names.update(_tables(V3_SCHEMA))
    if version >= 4:
        names.update(_tables(V4_SCHEMA))
    return frozenset(names)


def _tables(schema: tuple[str, ...]) -> set[str]:
    """Names of the tables (not indexes) a frozen step's statements create."""
    return {s.split('"')[1] for s in schema if s.startswith(("CREATE TABLE", "CREATE VIRTUAL"))}
