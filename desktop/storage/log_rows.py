"""The change log holds what the rows cannot: writes not yet sent, and superseded values.

A row is its own current state. Creating one logs a single entry (its ``deleted`` field:
the write's place in the log, which import undo and the outbox need) instead of a copy
of every value; an edit logs its new values and, if the log does not hold it yet, the
value it supersedes (``segment = HISTORY``: kept so nothing is lost and an import can be
undone, never sent). When a write is sent (a segment or a snapshot), :func:`expand`
completes it from the row: every field whose clock is still that write's stamp holds the
value that write set, and a value superseded since is in the log as history.

:func:`materialize_for_new_vault` gives rows that have no entry at all (the demo, a
database upgraded from schema 4 that never synced) their creation entries when sync is
turned on, and puts the log in stamp order, so each writer's changes reach the vault in
the order the merge's dedup expects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from json.encoder import encode_basestring as _encode_string  # C speed-up, as journal's
from operator import itemgetter
from typing import Any

import peewee as pw

from desktop.storage import clocks
from desktop.storage.models import ENTITY_NAMES, SYNCED_MODELS, SyncedModel, database
from desktop.storage.sql import chunks, placeholders
from desktop.storage.sync_tables import HISTORY

Write = tuple[str, str, str, dict[str, str]]  # hlc, entity, row_id, {field: value JSON}


Encoder = Callable[[Any], str]
_encoders: dict[tuple[type[SyncedModel], str], tuple[str, Encoder]] = {}


def _encoder(model: type[SyncedModel], name: str) -> tuple[str, Encoder]:
    """(column, stored value → log JSON) of one field, made once per field.

    A first push or snapshot encodes every value of the database (2 million at 10,000
    people): the common stored types (text, integers, flags) take a direct path that
    gives the same text as decoding them through the field and :func:`encode_value`.
    """
    found = _encoders.get((model, name))
    if found is not None:
        return found
    from desktop.storage.journal import encode_value

    field = model._meta.fields[name]
    kind = type(field)

    def general(raw: Any) -> str:
        if raw is None or kind is pw.ForeignKeyField:
            return encode_value(raw)
        return encode_value(field.python_value(raw))

    encode: Encoder = general
    if kind in (pw.TextField, pw.CharField, pw.ForeignKeyField):  # a key is its text id

        def encode(raw: Any) -> str:
            return _encode_string(raw) if type(raw) is str else general(raw)

    elif kind is pw.IntegerField:

        def encode(raw: Any) -> str:
            return str(raw) if type(raw) is int else general(raw)

    elif kind is pw.BooleanField:

        def encode(raw: Any) -> str:
            if type(raw) is int:
                return "true" if raw else "false"
            return general(raw)

    found = _encoders[(model, name)] = (field.column_name, encode)
    return found


def column_json(model: type[SyncedModel], name: str, raw: Any) -> str:
    """A stored column value as the change log writes it (JSON, as journal.save did)."""
    return _encoder(model, name)[1](raw)


def tombstones(entity: str, ids: Sequence[str]) -> dict[tuple[str, str], str]:
    """(row, stamp) → the ``deleted`` value the log holds for rows ``ids``.

    A row's ``deleted`` column says whether the row is hidden, which is not always the
    last written delete: SYNC.md hides a row only while its ``deleted = true`` is newer
    than every other field, so an edit after a delete shows the row (column 0) while the
    field still holds ``true`` at the delete's stamp. That value lives only in the log
    (every write of ``deleted`` is logged, and the upgrade never prunes a ``true``).
    Two values under one stamp: the greater text, as the merge's tie rule decides.
    """
    found: dict[tuple[str, str], str] = {}
    for chunk in chunks(list(ids)):
        for row_id, hlc, value in database.execute_sql(
            'SELECT row_id, hlc, max(value) FROM "change" WHERE field = ? AND entity = ? '
            f"AND row_id IN ({placeholders(chunk)}) GROUP BY row_id, hlc",
            ("deleted", entity, *chunk),
        ):
            found[(row_id, hlc)] = value
    return found


def row_json(
    model: type[SyncedModel],
    name: str,
    row: Mapping[str, Any],
    stamp: str,
    logged_deletes: Mapping[tuple[str, str], str],
) -> str:
    """The value (log JSON) field ``name`` holds at its clock ``stamp``, read from its row;
    for ``deleted`` the logged delete (:func:`tombstones`), the column only when none is."""
    if name == "deleted":
        logged = logged_deletes.get((row["id"], stamp))
        if logged is not None:
            return logged
    column, encode = _encoder(model, name)
    return encode(row[column])


def _history(entity: str, ids: Sequence[str]) -> dict[tuple[str, str], dict[str, str]]:
    """History entries of rows: (row, stamp) → {field: value}."""
    found: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for chunk in chunks(list(ids)):
        for row_id, name, hlc, value in database.execute_sql(
            'SELECT row_id, field, hlc, value FROM "change" WHERE segment = ? AND entity = ? '
            f"AND row_id IN ({placeholders(chunk)}) ORDER BY seq",
            (HISTORY, entity, *chunk),
        ):
            found[(row_id, hlc)].setdefault(name, value)
    return found


Counted = tuple[int, Write | None]  # log rows a write was read from, its values in force


def expand(
    writes: Sequence[Write], *, winners_only: bool = False, winners: list[Counted] | None = None
) -> list[Write]:
    """``writes`` with every field their stamp still holds (row or history) added;
    ``winners_only`` (a snapshot): only the values in force, writes of rows not here
    (an entity of a newer version) left out. ``winners``, if given, also receives, per
    write, how many log rows it was read from and what ``winners_only`` would return for
    it (None: nothing): a first push prepares its snapshot from the same reads — reading
    and completing 2 million values twice cost a third of ``sync create`` at 10,000
    people."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for _hlc, entity, row_id, _values in writes:
        if entity in ENTITY_NAMES:
            wanted[entity].add(row_id)
    state: dict[tuple[str, str], tuple[dict[str, Any], dict[str, str]]] = {}
    history: dict[str, dict[tuple[str, str], dict[str, str]]] = {}
    for entity, ids in wanted.items():
        rows, stamps = clocks.read_rows(ENTITY_NAMES[entity], sorted(ids))
        for row_id, row in rows.items():
            state[(entity, row_id)] = (row, stamps[row_id])
        history[entity] = _history(entity, sorted(ids))
    deletes: dict[str, dict[tuple[str, str], str]] = {}
    out: list[Write] = []
    for hlc, entity, row_id, values in writes:
        found = state.get((entity, row_id))
        if found is None:
            if winners is not None:
                winners.append((len(values), None))
            if not winners_only:
                out.append((hlc, entity, row_id, values))
            continue
        model = ENTITY_NAMES[entity]
        row, true = found
        full = dict(values)
        for name, value in history[entity].get((row_id, hlc), {}).items():
            full.setdefault(name, value)
        for name, stamp in true.items():
            if stamp == hlc and name not in full:
                if name == "deleted":
                    if entity not in deletes:  # rare: a write split in two
                        deletes[entity] = tombstones(entity, sorted(wanted[entity]))
                    full[name] = row_json(model, name, row, stamp, deletes[entity])
                else:  # row_json's other case, inline: 2 million values at a first push
                    column, encode = _encoders.get((model, name)) or _encoder(model, name)
                    full[name] = encode(row[column])
        if winners_only or winners is not None:
            won = {n: v for n, v in full.items() if true.get(n) == hlc}
            if winners is not None:
                winners.append((len(values), (hlc, entity, row_id, won) if won else None))
            if winners_only:
                if won:
                    out.append((hlc, entity, row_id, won))
                continue
        out.append((hlc, entity, row_id, full))
    return out


def _missing(model: type[SyncedModel]) -> Iterable[tuple[str, str, str, str, str]]:
    """One entry per (row, stamp) its fields hold that no logged write carries."""
    entity = model._meta.table_name
    order = sorted(model._meta.fields, key=lambda n: (n != "deleted", n))
    cursor = database.obj.cursor()
    cursor.execute(f'SELECT * FROM "{entity}" ORDER BY id')
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(2_000):
        rows = {r[0]: dict(zip(names, r, strict=True)) for r in batch}
        entries: dict[str, dict[str, str]] = defaultdict(dict)
        logged: set[tuple[str, str]] = set()
        for chunk in chunks(list(rows)):
            logged.update(
                database.execute_sql(
                    'SELECT row_id, hlc FROM "change" WHERE entity = ? AND (segment IS NULL '
                    f"OR segment != ?) AND row_id IN ({placeholders(chunk)})",
                    (entity, HISTORY, *chunk),
                ).fetchall()
            )
            for row_id, name, stamp in database.execute_sql(
                'SELECT row_id, field, hlc FROM "field_clock" WHERE entity = ? '
                f"AND row_id IN ({placeholders(chunk)})",
                (entity, *chunk),
            ):
                entries[row_id][name] = stamp
        deletes = tombstones(entity, list(rows))
        for row_id, row in rows.items():
            true = clocks.decode(model, row, entries.get(row_id, {}))
            done: set[str] = set()
            for name in order:  # "deleted" first, then by name
                stamp = true.get(name)
                if stamp is None or stamp in done or (row_id, stamp) in logged:
                    continue
                done.add(stamp)
                yield (stamp, entity, row_id, name, row_json(model, name, row, stamp, deletes))


def materialize_for_new_vault() -> int:
    """Creation entries for rows the log does not carry, then the log in stamp order.

    Runs inside the caller's transaction (joining or creating a vault). Returns how many
    entries were added. History entries keep their place and are never sent.
    """
    cursor = database.obj.cursor()
    empty = database.execute_sql('SELECT 1 FROM "change" LIMIT 1').fetchone() is None
    if empty:  # the demo, an upgraded store that never synced: nothing to merge with
        entries = [entry for model in SYNCED_MODELS for entry in _missing(model)]
        # The order and numbers _sort_log would give (a stable sort keeps each write's
        # entries in the order they were made), without writing the log three times.
        entries.sort(key=itemgetter(0, 1, 2))
        start = len(entries)
        cursor.executemany(
            'INSERT INTO "change" (seq, hlc, entity, row_id, field, value) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((start + n, *entry) for n, entry in enumerate(entries, start=1)),
        )
        return len(entries)
    added = 0
    for model in SYNCED_MODELS:
        rows = list(_missing(model))
        cursor.executemany(
            'INSERT INTO "change" (hlc, entity, row_id, field, value) VALUES (?, ?, ?, ?, ?)',
            rows,
        )
        added += len(rows)
    if added:
        _sort_log()
    return added


def _sort_log() -> None:
    """Renumber the log in stamp order (each write's entries stay together), after every
    number it used: an older mark (an import's undo) then spans nothing, never the wrong
    entries."""
    start = database.execute_sql('SELECT coalesce(max(seq), 0) FROM "change"').fetchone()[0]
    database.execute_sql(
        'CREATE TEMP TABLE "change_sorted" AS SELECT hlc, entity, row_id, field, value, '
        'segment FROM "change" ORDER BY hlc, entity, row_id, seq'
    )
    database.execute_sql('DELETE FROM "change"')
    database.execute_sql(
        'INSERT INTO "change" (seq, hlc, entity, row_id, field, value, segment) '
        'SELECT ? + rowid, hlc, entity, row_id, field, value, segment FROM "change_sorted" '
        "ORDER BY rowid",
        (start,),
    )
    database.execute_sql('DROP TABLE "change_sorted"')


def history_for(
    model: type[SyncedModel], row_id: str, fields: Mapping[str, Any], before: Mapping[str, str]
) -> list[tuple[str, str, str, str, str, int]]:
    """History entries for an edit of ``fields``: the values they supersede that the log
    does not hold yet (``before`` holds the fields' clocks before the edit)."""
    from desktop.storage.journal import encode_value

    entity = model._meta.table_name
    logged = {
        (name, hlc)
        for name, hlc in database.execute_sql(
            'SELECT field, hlc FROM "change" WHERE row_id = ? AND entity = ?', (row_id, entity)
        )
    }
    return [
        (before.get(name, ""), entity, row_id, name, encode_value(value), HISTORY)
        for name, value in fields.items()
        if (name, before.get(name, "")) not in logged
    ]


def known_values() -> set[tuple[str, str, str, str, str]]:
    """Every (stamp, entity, row, field, JSON) this store knows: the log (history of
    unknown stamp aside) and the values in force in the rows. Two replicas that
    converged know the same set, however their logs are split between log and rows."""
    known = {
        tuple(r)
        for r in database.execute_sql(
            "SELECT hlc, entity, row_id, field, value FROM \"change\" WHERE hlc != ''"
        )
    }
    for model in SYNCED_MODELS:
        entity = model._meta.table_name
        ids = [r[0] for r in database.execute_sql(f'SELECT id FROM "{entity}"')]
        for chunk in chunks(ids, 2_000):
            rows, true = clocks.read_rows(model, chunk)
            deletes = tombstones(entity, chunk)
            for row_id, found in true.items():
                for name, stamp in found.items():
                    value = row_json(model, name, rows[row_id], stamp, deletes)
                    known.add((stamp, entity, row_id, name, value))
    return known


def is_logged(entity: str, row_id: str, name: str, hlc: str) -> bool:
    """Whether the log holds the value ``name`` had at stamp ``hlc`` (any kind of entry)."""
    return (
        database.execute_sql(
            'SELECT 1 FROM "change" WHERE row_id = ? AND field = ? AND hlc = ? AND entity = ? '
            "LIMIT 1",
            (row_id, name, hlc, entity),
        ).fetchone()
        is not None
    )
