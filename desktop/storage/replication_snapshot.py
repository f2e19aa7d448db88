"""The database side of sync snapshots (SYNC.md "Compaction"): read the state, load it.

A snapshot is the synced state of one device at one moment: for every field of every
synced row the winning value and its stamp (exactly the change-log entries the field
clocks point at), plus what the merge needs to carry on as if every segment had been
replayed: how far each device folder was applied (cursors), the newest stamp received
per writer (the frontier: dedup and seen-vectors of later local writes), what the
writers of received changes had seen (``sync_vector``) and parked edits.

Loading one into an EMPTY store is a bulk insert in key order (no merge is possible, so
none is attempted); into a store that already has data it goes through the ordinary
merge of :mod:`desktop.storage.replication`, so conflicts with local data are recorded.
Nothing here touches the network; the engine calls these through its ``run_db`` hook.
"""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from itertools import chain
from typing import Any, cast

import peewee as pw

from desktop.storage import clocks as clock_store
from desktop.storage import journal, log_rows
from desktop.storage.hlc import ClockError
from desktop.storage.models import ENTITY_NAMES, Meta, SyncedModel, database
from desktop.storage.replication import (
    HLC_PREFIX,
    PARENTS_FIRST,
    ApplyResult,
    Group,
    SegmentRejected,
    Write,
    _Applier,
    _valid_hlc,
    frontier,
    insert_placeholders,
)
from desktop.storage.replication_values import (
    FTS_ROW_LIMIT,
    FTS_STALE,
    decode,
    default_value,
    refresh_search,
    to_column,
)
from desktop.storage.sql import placeholders
from desktop.storage.sync_tables import HISTORY, RECEIVED, SyncDevice, SyncState

LOG_MARK = "snapshot_log_mark"  # change-log position the newest known snapshot covers
SEGMENT_MARK = "snapshot_segment_mark"  # segments (all folders) the newest one covers
FORCED = "snapshot_forced"  # "1": write one at the next chance (after a data-key rotation)
PUSHED = "pushed_seq"  # desktop.storage.outbox.PUSHED (not imported: outbox imports us not)
ASSIGNED = "assigned_seq"


Progress = Callable[[int], None]  # changes loaded so far


class StateChanged(Exception):
    """The database changed while a snapshot was being read: try again next cycle."""


def _log_max() -> int:
    # max() of the rowid: one B-tree step, however long the log.
    return database.execute_sql('SELECT max(seq) FROM "change"').fetchone()[0] or 0


def _unsent() -> bool:
    """Local changes not yet safely in the vault (a snapshot must not run ahead of them)."""
    pushed = SyncState.read_int(PUSHED)
    return (
        SyncState.read_int(ASSIGNED) > pushed
        or database.execute_sql(
            'SELECT 1 FROM "change" WHERE segment IS NULL OR segment > ? LIMIT 1', (pushed,)
        ).fetchone()
        is not None
    )


def segments_total() -> int:
    """Segments applied or pushed here, all device folders together."""
    applied = database.execute_sql('SELECT coalesce(sum(cursor), 0) FROM "sync_device"')
    return applied.fetchone()[0] + SyncState.read_int(PUSHED)


def schema() -> dict[str, list[str]]:
    """The synced fields this version knows, per entity (a reader that knows more skips)."""
    return {
        entity: sorted(n for n in model._meta.fields if n not in ("id", "updated"))
        for entity, model in ENTITY_NAMES.items()
    }


@dataclass(frozen=True)
class Due:
    """A snapshot is due: how much it will cover."""

    segments: int
    log_max: int
    forced: bool = False


def request() -> None:
    """Write a snapshot at the next cycle whatever the thresholds (SYNC.md: a key rotation
    is followed by "a fresh snapshot under the new key")."""
    with database.atomic():
        SyncState.write(FORCED, 1)


def due(*, changes: int, segments: int) -> Due | None:
    """Whether enough has accumulated since the newest snapshot this device knows of.

    ``changes`` new change-log entries or ``segments`` new segments (all folders) since
    then; and nothing local may be waiting to be pushed, so the snapshot never holds a
    change its cursors do not account for.
    """
    total, log_max = segments_total(), _log_max()
    if total == 0:
        return None
    forced = SyncState.read_int(FORCED) == 1
    few_changes = log_max - SyncState.read_int(LOG_MARK) < changes
    if not forced and few_changes and total - SyncState.read_int(SEGMENT_MARK) < segments:
        return None  # the usual case: two indexed look-ups per cycle
    return None if _unsent() else Due(total, log_max, forced)


def mark(*, segments: int, log_max: int | None = None) -> None:
    """Remember the newest snapshot known here (written, adopted or joined from)."""
    with database.atomic():
        SyncState.write(SEGMENT_MARK, segments)
        SyncState.write(LOG_MARK, _log_max() if log_max is None else log_max)
        SyncState.write(FORCED, 0)


@dataclass
class Base:
    """What a snapshot includes, read in one transaction when it starts."""

    log_max: int
    cursors: dict[str, int]  # device folder → last segment included (own: pushed)
    frontier: dict[str, str]
    vectors: list[list[str]]  # [origin, first_hlc, last_hlc, seen JSON]
    parked: list[list[str | None]]  # [entity, row_id, hlc, field, value, seen JSON | None]
    plain: bool  # every logged change is a winner: no look-up of the field clocks needed
    own_origin: str
    own_first: str = ""  # own-origin stamps in the state (for its seen-vector span)
    own_last: str = ""
    newest: dict[str, str] = field(default_factory=dict)  # per origin, over the writes read


def begin(*, own_device: str, own_origin: str) -> Base | None:
    """The fixed facts of a snapshot; None when local changes still wait to be pushed."""
    with database.atomic():
        if _unsent():
            return None
        cursors = {
            device: cursor
            for device, cursor in database.execute_sql(
                'SELECT device_id, cursor FROM "sync_device" WHERE cursor > 0'
            )
        }
        cursors.pop(own_device, None)
        cursors[own_device] = SyncState.read_int(PUSHED)
        return Base(
            log_max=_log_max(),
            cursors=cursors,
            frontier=frontier(),
            vectors=[
                list(r)
                for r in database.execute_sql(
                    'SELECT origin, first_hlc, last_hlc, seen FROM "sync_vector"'
                )
            ],
            parked=[
                list(r)
                for r in database.execute_sql(
                    'SELECT entity, row_id, hlc, field, value, seen FROM "sync_parked"'
                )
            ],
            # Under "state once" a logged change may be superseded or only history, so
            # every part is read and completed from the rows (never streamed as pushed).
            plain=False,
            own_origin=own_origin,
        )


def read_part(base: Base, after: int, limit: int) -> tuple[list[Write], int]:
    """The winning changes logged after position ``after`` (up to ``limit`` log rows).

    Returns the writes (one per stamp and row, fields together) and the position reached;
    raises :class:`StateChanged` if anything was written since :func:`begin`.
    """
    with database.atomic():
        if _log_max() != base.log_max or _unsent():
            raise StateChanged()
        end = min(after + limit, base.log_max)
        rows = database.execute_sql(
            'SELECT hlc, entity, row_id, field, value FROM "change" '
            "WHERE seq > ? AND seq <= ? AND (segment IS NULL OR segment != ?) ORDER BY seq",
            (after, end, HISTORY),
        ).fetchall()
        writes: list[Write] = []
        add = writes.append
        newest, own = base.newest, base.own_origin
        last_hlc, last_entity, last_row, fields = "", "", "", {}
        for hlc, entity, row_id, name, value in rows:
            if hlc == last_hlc and row_id == last_row and entity == last_entity:
                fields[name] = value  # the same write: one stamp, one row, several fields
                continue
            fields = {name: value}
            add((hlc, entity, row_id, fields))
            last_entity, last_row = entity, row_id
            if hlc == last_hlc:
                continue  # same stamp, another row: its origin is counted already
            last_hlc = hlc
            origin = hlc[HLC_PREFIX:]
            if hlc > newest.get(origin, ""):
                newest[origin] = hlc
            if origin == own:
                if not base.own_first or hlc < base.own_first:
                    base.own_first = hlc
                if hlc > base.own_last:
                    base.own_last = hlc
    if not base.plain:  # complete each write from its row, keep only values in force
        writes = log_rows.expand(writes, winners_only=True)
    return writes, end


def finish(base: Base) -> dict[str, Any]:
    """Frontier and seen-vectors as the manifest carries them, once every part is read.

    The writer's own changes get one seen-vector spanning all of them: its frontier. Any
    change a reader will still merge later is newer than that frontier, so "had the writer
    seen it?" has the same answer as with the exact vector of each of its writes.
    """
    merged = dict(base.frontier)
    for origin, hlc in base.newest.items():
        if hlc > merged.get(origin, ""):
            merged[origin] = hlc
    vectors = list(base.vectors)
    if base.own_first:
        seen = {o: h for o, h in base.frontier.items() if o != base.own_origin}
        vectors.append([base.own_origin, base.own_first, base.own_last, json.dumps(seen)])
    return {"frontier": merged, "vectors": vectors}


# -- loading -------------------------------------------------------------------------------
_PLAIN = (pw.TextField, pw.IntegerField, pw.ForeignKeyField)  # stored as decoded


@dataclass(frozen=True)
class Plan:
    """How one entity's received values become an INSERT row."""

    names: list[str]
    template: list[Any]
    # field → position, conversion (None: the decoded value as it is), parent table
    columns: dict[str, tuple[int, Callable[[Any], Any] | None, str | None]]


def _plan(model: type[SyncedModel]) -> Plan:
    defaults = {
        f.column_name: default_value(f)
        for n, f in model._meta.fields.items()
        if n not in ("id", "updated", "deleted")
    }
    names = ["id", "updated", "deleted", *defaults]
    position = {name: index for index, name in enumerate(names)}
    columns: dict[str, tuple[int, Callable[[Any], Any] | None, str | None]] = {}
    for name, column in model._meta.fields.items():
        if name in ("id", "updated", "deleted"):
            continue
        parent = (
            column.rel_model._meta.table_name if isinstance(column, pw.ForeignKeyField) else None
        )
        convert = None if isinstance(column, _PLAIN) else partial(to_column, column)
        columns[name] = (position[column.column_name], convert, parent)
    return Plan(names, [None, "", 1, *defaults.values()], columns)


class _BulkLoader:
    """Loads snapshot parts into an empty store: rows in key order, no merge needed.

    Every field appears once in a snapshot (its winner), so a row is the union of its
    writes. A row seen again in a later part (it was edited after its creation) goes
    through the ordinary merge, which reads what the earlier part inserted.
    """

    def __init__(self, own_origin: str) -> None:
        self.own_origin = own_origin
        self.result = ApplyResult()
        self.loaded: dict[str, set[str]] = defaultdict(set)
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.plans = {entity: _plan(model) for entity, model in ENTITY_NAMES.items()}
        self.newest = ""

    def add(self, writes: Sequence[Write]) -> None:
        # The hot loop of a join (2 million values at 10,000 people): locals only.
        by_entity: dict[str, dict[str, list[tuple[str, dict[str, str]]]]] = {
            e: {} for e in ENTITY_NAMES
        }
        loaded = {e: self.loaded[e] for e in ENTITY_NAMES}
        log: list[tuple[str, str, str, str, str, int]] = []
        extend = log.extend
        again: list[Write] = []
        own, newest, valid = self.own_origin, self.newest, _valid_hlc
        for write in writes:
            hlc, entity, row_id, values = write
            if not valid(hlc) or type(row_id) is not str or type(values) is not dict:
                raise SegmentRejected(f"malformed write {hlc!r}")
            if hlc[HLC_PREFIX:] == own:
                continue  # our own changes: here already
            rows = by_entity.get(entity)
            if rows is not None:  # else an entity of a newer version: it waits in the log
                if row_id in loaded[entity]:
                    again.append(write)
                    continue
                if row_id in rows:
                    rows[row_id].append((hlc, values))
                else:
                    rows[row_id] = [(hlc, values)]
            if hlc > newest:
                newest = hlc
            for value in values.values():
                if type(value) is not str:
                    raise SegmentRejected(f"malformed value in {hlc}")
            extend([(hlc, entity, row_id, name, value, RECEIVED) for name, value in values.items()])
        self.newest = newest
        database.obj.cursor().executemany(
            'INSERT INTO "change" (hlc, entity, row_id, field, value, segment) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            log,
        )
        self.result.received += len(log)
        for entity in (*PARENTS_FIRST, *(e for e in by_entity if e not in PARENTS_FIRST)):
            if by_entity[entity]:
                self._insert(entity, by_entity[entity])
        if again:
            applier = _Applier(own, dedup=False)
            applier.run([Group(None, again)])
            applier.store([Group(None, again)])
            self.result.received += applier.result.received
            self.result.applied += applier.result.applied
            journal.mark_touched(applier.result.touched)

    def _insert(self, entity: str, rows: Mapping[str, list[tuple[str, dict[str, str]]]]) -> None:
        plan = self.plans[entity]
        columns, template = plan.columns, plan.template
        parents, loaded = self.parents, self.loaded[entity]
        records: list[list[Any]] = []
        clocks: list[tuple[str, dict[str, Any], dict[str, str]]] = []
        add_record, add_loaded, names = records.append, loaded.add, plan.names
        for row_id in sorted(rows):
            writes = rows[row_id]
            stamps: dict[str, str] | None = None
            if len(writes) == 1:
                hlc, values = writes[0]
            else:  # several stamps (a row edited after its creation): each field once
                hlc, values, stamps = "", {}, {}
                for stamp, more in sorted(writes, key=lambda w: w[0]):
                    for name, value in more.items():
                        values[name] = value
                        stamps[name] = stamp
            record = template.copy()
            record[0] = row_id
            others, deleted_hlc, raw_deleted = "", "", False
            true: dict[str, str] = {}
            for name, value in values.items():
                stamp = hlc if stamps is None else stamps[name]
                if name == "deleted":
                    deleted_hlc, raw_deleted = stamp, bool(decode(value))
                    true[name] = stamp
                    continue
                spec = columns.get(name)
                if spec is None:
                    continue  # a field of a newer version: kept in the log
                true[name] = stamp
                position, convert, parent = spec
                if value[:1] == '"' and "\\" not in value:  # decode()'s commonest case, inline
                    decoded: Any = value[1:-1]
                else:
                    decoded = decode(value)
                converted = decoded if convert is None else convert(decoded)
                record[position] = converted
                if parent is not None and converted is not None:
                    parents[parent].add(str(converted))
                if stamp > others:
                    others = stamp
            if not deleted_hlc:
                hidden = True  # its creation has not arrived anywhere yet
            else:
                hidden = raw_deleted and (not others or deleted_hlc > others)
            record[1] = max(others, deleted_hlc)
            record[2] = 1 if hidden else 0
            add_record(record)
            clocks.append((row_id, dict(zip(names, record, strict=True)), true))
            add_loaded(row_id)
        quoted = ", ".join(f'"{n}"' for n in plan.names)
        marks = placeholders(plan.names)
        cursor = database.obj.cursor()
        cursor.executemany(f'INSERT INTO "{entity}" ({quoted}) VALUES ({marks})', records)
        clock_store.store(ENTITY_NAMES[entity], clocks, replace=False)
        self.result.applied += sum(len(t) for _, _, t in clocks)

    def finish(self) -> None:
        """Hidden placeholders for parents referenced but absent (as a replay makes them)."""
        insert_placeholders(self.parents, self.loaded)


def has_data() -> bool:
    return database.execute_sql('SELECT 1 FROM "change" LIMIT 1').fetchone() is not None


def is_fresh() -> bool:
    """No other device's segment was ever applied here: a snapshot can be the start."""
    return SyncDevice.select().where(SyncDevice.cursor > 0).count() == 0


def load(
    *,
    parts: Iterable[Sequence[Write]],
    cursors: Mapping[str, int],
    frontier_map: Mapping[str, str],
    vectors: Sequence[Sequence[str]],
    parked: Sequence[Sequence[str | None]],
    own_origin: str,
    own_device: str,
    progress: Progress | None = None,
) -> ApplyResult:
    """Start from a snapshot: its state, cursors, frontier and vectors in ONE transaction.

    ``progress(done)`` is called after each part with the changes loaded so far (the app
    shows it: at 10,000 people the load takes most of a minute).

    ``parts`` is consumed lazily (each decoded only when needed, so memory holds one part
    at a time). Raises :class:`SegmentRejected` for malformed contents or a clock more
    than 7 days ahead (nothing applied) and ``ValueError`` when this device already
    applied segments (a snapshot is a starting point only).
    """
    empty = not has_data()
    with _bulk_settings() if empty else contextlib.nullcontext(), database.atomic():
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
        if not is_fresh():
            raise ValueError("this device already follows the vault's segments")
        try:
            report = progress or (lambda _done: None)
            if empty:
                result = _load_empty(parts, parked, own_origin, report)
            else:
                result = _load_merging(parts, parked, own_origin, report)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise SegmentRejected(f"malformed contents ({exc.__class__.__name__})") from exc
        _finish_load(cursors, frontier_map, vectors, own_origin, own_device, result)
    return result


BULK_CACHE_KIB = 400_000  # page cache while loading into an empty store (then given back)


@contextlib.contextmanager
def _bulk_settings() -> Iterator[None]:
    """Write a big load into an empty store once, not twice, and from memory.

    In WAL mode every page of the load (~900 MB at 10,000 people) is written to the WAL
    and then copied into the database by the checkpoint; with a rollback journal, pages
    that did not exist before the transaction need no journal, so they are written once
    (the load is still one atomic transaction: a crash rolls it back from the journal on
    the next open). A larger page cache keeps the B-trees being filled in memory instead
    of spilling them mid-transaction. Both settings are given back afterwards. If
    another connection is open (the app's background readers), SQLite refuses to leave
    WAL mode and the load simply runs in WAL mode.
    """
    previous_cache = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    previous_mode = str(database.execute_sql("PRAGMA journal_mode").fetchone()[0])
    switched = False
    try:
        mode = database.execute_sql("PRAGMA journal_mode = TRUNCATE").fetchone()[0]
        switched = str(mode).lower() == "truncate" != previous_mode.lower()
    except pw.OperationalError:  # "database is locked": other connections are open
        switched = False
    database.execute_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(previous_cache)}")
        if switched:
            database.execute_sql(f"PRAGMA journal_mode = {previous_mode}")


@contextlib.contextmanager
def _indexes_deferred(tables: Sequence[str]) -> Iterator[None]:
    """Drop the plain secondary indexes of ``tables`` for a bulk load, then build each once.

    Filling an index row by row while millions of rows arrive costs more than one sorted
    build at the end (issue #15: a join at 10,000 people). Must run inside the load's
    transaction: schema changes are transactional in SQLite, so a failed load rolls the
    indexes back with everything else. UNIQUE indexes stay (they check the data), and so
    does the conversation search key's (the index trigger of each insert reads it).
    """
    marks = placeholders(tables)
    found = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tuple(tables),
    ).fetchall()
    deferred = [
        (n, sql)
        for n, sql in found
        # conversation_fts_key stays: each insert's trigger looks up the next search key
        if not sql.upper().startswith("CREATE UNIQUE") and n != "conversation_fts_key"
    ]
    for name, _ in deferred:
        database.execute_sql(f'DROP INDEX "{name}"')
    yield  # no finally: after an error the rollback brings the indexes back
    for _, sql in deferred:
        database.execute_sql(sql)


def _load_empty(
    parts: Iterable[Sequence[Write]],
    parked: Sequence[Sequence[str | None]],
    own_origin: str,
    progress: Progress,
) -> ApplyResult:
    loader = _BulkLoader(own_origin)
    with _indexes_deferred(["change", *(m._meta.table_name for m in ENTITY_NAMES.values())]):
        for writes in parts:
            loader.add(writes)
            progress(loader.result.received)
        loader.finish()
        cursor = database.obj.cursor()
        cursor.executemany(
            'INSERT OR IGNORE INTO "sync_parked" (entity, row_id, hlc, field, value, seen) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [tuple(p) for p in parked],
        )
        cursor.executemany(
            'INSERT INTO "change" (hlc, entity, row_id, field, value, segment) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(p[2], p[0], p[1], p[3], p[4], RECEIVED) for p in parked],
        )
    loader.result.received += len(parked)
    _receive_clock(loader.newest, loader.result)
    searched = {e: loader.loaded[e] for e in ("person", "conversation", "tag")}
    if sum(len(ids) for ids in searched.values()) > FTS_ROW_LIMIT:
        SyncState.insert(key=FTS_STALE, value="1").on_conflict_replace().execute()
    else:
        refresh_search({(e, i) for e, ids in searched.items() for i in ids})
    for entity, ids in loader.loaded.items():
        journal.mark_touched((entity, i) for i in ids)
    return loader.result


def _load_merging(
    parts: Iterable[Sequence[Write]],
    parked: Sequence[Sequence[str | None]],
    own_origin: str,
    progress: Progress,
) -> ApplyResult:
    """Local data here: every part is merged like received changes (conflicts recorded).

    The snapshot's writes carry no seen-vector: nobody in the vault has seen this
    device's local data yet, so every differing value on either side is a conflict.
    """
    total = ApplyResult()
    groups_of_parked = [
        Group(
            json.loads(seen) if seen else None,
            [cast(Write, (hlc, entity, row_id, {name: value}))],  # checked when applied
        )
        for entity, row_id, hlc, name, value, seen in parked
    ]
    for groups in chain(([Group(None, list(w))] for w in parts), [groups_of_parked]):
        if not groups:
            continue
        applier = _Applier(own_origin, dedup=False)
        applier.run(groups)
        applier.store(groups)
        refresh_search(applier.result.touched)
        journal.mark_touched(applier.result.touched)
        total.received += applier.result.received
        total.applied += applier.result.applied
        progress(total.received)
        total.conflicts += applier.result.conflicts
        total.fast_clock = total.fast_clock or applier.result.fast_clock
    return total


def _receive_clock(newest: str, result: ApplyResult) -> None:
    if not newest:
        return
    try:
        ahead = journal.clock().receive(newest)
    except ClockError as exc:
        raise SegmentRejected(str(exc)) from exc
    if ahead:
        result.fast_clock = newest[HLC_PREFIX:]
    Meta.insert(key="hlc_last", value=journal.clock().last).on_conflict_replace().execute()


def _finish_load(
    cursors: Mapping[str, int],
    frontier_map: Mapping[str, str],
    vectors: Sequence[Sequence[str]],
    own_origin: str,
    own_device: str,
    result: ApplyResult,
) -> None:
    cursor = database.obj.cursor()
    cursor.executemany(
        'INSERT OR REPLACE INTO "sync_vector" (origin, first_hlc, last_hlc, seen) '
        "VALUES (?, ?, ?, ?)",
        [tuple(v) for v in vectors],
    )
    position = _log_max()
    known = frontier()
    cursor.executemany(
        'INSERT OR REPLACE INTO "sync_seen" (log_seq, origin, hlc) VALUES (?, ?, ?)',
        [
            (position, origin, hlc)
            for origin, hlc in frontier_map.items()
            if origin != own_origin and hlc > known.get(origin, "")
        ],
    )
    now = datetime.now()
    newest = max(frontier_map.values(), default="")
    for device, seq in cursors.items():
        if device == own_device or seq <= 0:
            continue
        SyncDevice.insert(device_id=device, cursor=seq, last_hlc=newest, seen_at=now).on_conflict(
            conflict_target=[SyncDevice.device_id],
            update={SyncDevice.cursor: seq, SyncDevice.last_hlc: newest, SyncDevice.seen_at: now},
        ).execute()
    _receive_clock(newest, result)
    mark(segments=segments_total(), log_max=position)
