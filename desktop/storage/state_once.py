"""Upgrade step "store the state once": field clocks become sparse (docs/sync.md).

Before, every field of every row had its own ``field_clock`` row although nearly all of
them repeat their row's stamp (2.15 million rows, 225 MB at 10,000 people). The step
rewrites the table with only the entries :mod:`desktop.storage.clocks` cannot imply, in
one pass over each entity's rows and clocks (both read in key order, merged as they
stream), then asks for the file to be compacted (VACUUM) once the step has committed.
The true clock of every field is unchanged, so a synced device keeps syncing: the merge
and the wire format see exactly what they saw before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import peewee as pw

from desktop.storage import clocks, upgrade_progress
from desktop.storage.models import SYNCED_MODELS
from desktop.storage.sync_tables import HISTORY

FIELD_CLOCK_SQL = (
    'CREATE TABLE "{name}" ("entity" TEXT NOT NULL, "row_id" TEXT NOT NULL, '
    '"field" TEXT NOT NULL, "hlc" TEXT NOT NULL, PRIMARY KEY ("entity", "row_id", "field")) '
    "WITHOUT ROWID"
)
FETCH = 2_000


def _stream_rows(db: pw.SqliteDatabase, entity: str) -> Iterator[dict[str, Any]]:
    cursor = db.cursor()
    cursor.execute(f'SELECT * FROM "{entity}" ORDER BY id')
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(FETCH):
        for record in batch:
            yield dict(zip(names, record, strict=True))


def _stream_clocks(db: pw.SqliteDatabase, entity: str) -> Iterator[tuple[str, dict[str, str]]]:
    cursor = db.cursor()
    cursor.execute(
        'SELECT row_id, field, hlc FROM "field_clock" WHERE entity = ? ORDER BY row_id', (entity,)
    )
    current: str | None = None
    found: dict[str, str] = {}
    while batch := cursor.fetchmany(FETCH):
        for row_id, name, stamp in batch:
            if row_id != current:
                if current is not None:
                    yield current, found
                current, found = row_id, {}
            found[name] = stamp
    if current is not None:
        yield current, found


def _never_synced(db: pw.SqliteDatabase) -> bool:
    """No vault was ever set up here: nothing in the log was sent or received."""
    in_vault = db.execute_sql(
        "SELECT 1 FROM sync_state WHERE key IN ('vault_id', 'last_vault_id') LIMIT 1"
    ).fetchone()
    sent = db.execute_sql(
        'SELECT 1 FROM "change" WHERE segment IS NOT NULL AND segment != ? LIMIT 1', (HISTORY,)
    ).fetchone()
    return in_vault is None and sent is None


def _stream_log(db: pw.SqliteDatabase, entity: str) -> Iterator[tuple[int, str, str, str, str]]:
    cursor = db.cursor()
    cursor.execute(
        'SELECT seq, row_id, field, hlc, value FROM "change" WHERE entity = ? ORDER BY row_id',
        (entity,),
    )
    while batch := cursor.fetchmany(FETCH):
        yield from batch


def step_6_state_once(db: pw.SqliteDatabase) -> None:
    """Keep in the log only what the rows do not hold (a device that never synced), store
    the field clocks sparsely (same true clocks), then compact the file.

    The log of a device that never synced loses every value still in force (its row holds
    it; turning sync on gives the rows their entries back, log_rows) and keeps the
    superseded ones (history). A synced device keeps its log as it is.
    """
    prune = _never_synced(db)
    db.execute_sql('CREATE INDEX IF NOT EXISTS "change_row" ON "change" ("row_id", "field")')
    db.execute_sql('CREATE TEMP TABLE "change_pruned" ("seq" INTEGER PRIMARY KEY)')
    db.execute_sql(FIELD_CLOCK_SQL.format(name="field_clock_sparse"))
    total = sum(
        db.execute_sql(f'SELECT count(*) FROM "{m._meta.table_name}"').fetchone()[0]
        for m in SYNCED_MODELS
    )
    done = 0
    upgrade_progress.report("Storing sync clocks once", 0, total)
    insert = 'INSERT INTO "field_clock_sparse" (entity, row_id, field, hlc) VALUES (?, ?, ?, ?)'
    for model in SYNCED_MODELS:
        entity = model._meta.table_name
        fields = set(model._meta.fields)
        stored = _stream_clocks(db, entity)
        pending = next(stored, None)
        logged = _stream_log(db, entity) if prune else iter(())
        entry = next(logged, None)
        pruned: list[tuple[int]] = []
        out: list[tuple[str, str, str, str]] = []
        for row in _stream_rows(db, entity):
            row_id = row["id"]
            while pending is not None and pending[0] < row_id:
                pending = next(stored, None)  # clocks of a row that is not here: dropped
            entries: dict[str, str] = {}
            if pending is not None and pending[0] == row_id:
                entries = {n: s for n, s in pending[1].items() if n in fields or n == clocks.BASE}
                pending = next(stored, None)
            # schema 4 kept every written field's clock; a row an earlier step of this
            # upgrade wrote is sparse already: decoding reads both right
            true = clocks.decode(model, row, entries)
            while entry is not None and entry[1] < row_id:
                entry = next(logged, None)
            while entry is not None and entry[1] == row_id:
                seq, _row, name, stamp, value = entry
                if true.get(name) == stamp and not (name == "deleted" and value == "true"):
                    pruned.append((seq,))  # in force: its row holds it
                entry = next(logged, None)
            out.extend((entity, row_id, n, s) for n, s in clocks.encode(model, row, true).items())
            done += 1
            if len(out) >= FETCH:
                db.cursor().executemany(insert, out)
                out.clear()
            if done % 20_000 == 0:
                upgrade_progress.report("Storing sync clocks once", done, total)
        db.cursor().executemany(insert, out)
        db.cursor().executemany('INSERT INTO "change_pruned" (seq) VALUES (?)', pruned)
    db.execute_sql('DELETE FROM "change" WHERE seq IN (SELECT seq FROM "change_pruned")')
    db.execute_sql('DROP TABLE "change_pruned"')
    db.execute_sql('DROP TABLE "field_clock"')
    db.execute_sql('ALTER TABLE "field_clock_sparse" RENAME TO "field_clock"')
    upgrade_progress.report("Storing sync clocks once", total, total)
    upgrade_progress.request_compaction()  # db.py vacuums once the step committed
