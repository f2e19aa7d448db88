"""Apply changes received from other devices (SYNC.md): per-field last-writer-wins.

One received segment is applied in ONE transaction together with its cursor, so a crash
leaves either all of it or none. Within it:

- a change already known (its writer's stamp is at or below what we have seen from that
  writer) is skipped; every new one goes into the local change log, marked as received
  (``segment = RECEIVED``) so it is never pushed again;
- per field, the higher HLC wins (the device id inside the stamp breaks ties); two
  different values under the SAME stamp (one device's clock reused, e.g. a data folder
  restored from a backup) end the same way everywhere: the greater value text wins,
  whatever the order of arrival — also when the dedup below would have skipped it;
- a value that loses to an edit whose writer had NOT seen it is a conflict and is kept in
  the ``conflict`` table (what each writer had seen travels with the changes);
- a row is hidden only while its ``deleted = true`` is newer than every other field;
- a child may arrive before its parent: a hidden placeholder parent is inserted (defaults,
  no field clocks) that the parent's own changes later fill in — nothing ever waits on,
  or is deleted because of, something absent; foreign keys are checked at commit.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee as pw

from desktop.storage import clocks as clock_store
from desktop.storage import journal, log_rows
from desktop.storage.hlc import ClockError
from desktop.storage.models import (
    ENTITY_NAMES,
    Meta,
    SyncedModel,
    database,
)
from desktop.storage.replication_values import (
    decode,
    default_value,
    refresh_search,
    required_fields,
    to_column,
)
from desktop.storage.sql import chunks, placeholders
from desktop.storage.sync_tables import (
    HISTORY,
    RECEIVED,
    Conflict,
    SyncDevice,
    SyncParked,
    SyncVector,
)

HLC_PREFIX = 19  # "0000000000000-0000-": the device id follows
PARENTS_FIRST = ("person", "event", "conversation")

Write = tuple[str, str, str, dict[str, str]]  # hlc, entity, row_id, {field: value JSON}
Seen = Mapping[str, str] | None
_Pair = tuple[str, dict[str, str], Seen]  # one write to one row: hlc, values, what it saw


@dataclass(frozen=True)
class Group:
    """Writes of one writer that share what the writer had seen (origin → newest stamp).

    One write is what one local save did: one stamp, one row, one or more fields.
    ``seen`` is None when unknown (changes relayed by a device that did not write them).
    """

    seen: Seen
    writes: Sequence[Write]

    @property
    def size(self) -> int:
        """How many field changes the group holds."""
        return sum(len(w[3]) for w in self.writes)


@dataclass
class ApplyResult:
    received: int = 0  # new changes stored in the log
    applied: int = 0  # of those, how many won their field
    conflicts: int = 0
    skipped: int = 0  # already known
    touched: set[tuple[str, str]] = field(default_factory=set)
    fast_clock: str | None = None  # hlc device whose stamp was > 5 minutes ahead


class SegmentRejected(Exception):
    """The segment cannot be applied (implausible clock, malformed change)."""


def origin_of(hlc: str) -> str:
    return hlc[HLC_PREFIX:]


def _valid_hlc(hlc: object) -> bool:
    return isinstance(hlc, str) and len(hlc) > HLC_PREFIX and hlc[13] == "-" and hlc[18] == "-"


def frontier() -> dict[str, str]:
    """Newest stamp received so far per writer (every older one of theirs is here too)."""
    rows = database.execute_sql('SELECT origin, max(hlc) FROM "sync_seen" GROUP BY origin')
    return {origin: hlc for origin, hlc in rows.fetchall()}


def _has(required: set[str], writes: list[_Pair]) -> bool:
    present: set[str] = set()
    for _, values, _ in writes:
        present.update(values)
    return required <= present


@dataclass
class _Pending:
    """The winner of one field so far in this segment."""

    hlc: str
    value: str
    seen: Mapping[str, str] | None


class _Applier:
    """State of one segment's application (one transaction)."""

    def __init__(self, own_origin: str, *, dedup: bool = True) -> None:
        self.own_origin = own_origin
        self.known = frontier()
        # A snapshot's writes are applied without dedup: one part must not hide the next
        # (what is "known" then is the snapshot's own frontier, recorded after it).
        self.skip: Mapping[str, str] = self.known if dedup else {}
        self.result = ApplyResult()
        self.conflicts: list[dict[str, Any]] = []
        self.log: list[tuple[str, str, str, str, str, int]] = []
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.created: dict[str, set[str]] = defaultdict(set)
        self._vectors: dict[str, list[tuple[str, str, dict[str, str]]]] = {}
        self._rows: dict[tuple[str, str], SyncedModel] = {}  # rows read while one is merged

    # -- what did a writer know? ---------------------------------------------------
    def _vector_of(self, hlc: str, pending: _Pending | None) -> Mapping[str, str] | None:
        origin = origin_of(hlc)
        if origin == self.own_origin:
            return self.known  # our own write: we had seen exactly what had arrived then
        if pending is not None and pending.hlc == hlc:
            return pending.seen
        row = (
            SyncVector.select(SyncVector.first_hlc, SyncVector.seen)
            .where((SyncVector.origin == origin) & (SyncVector.last_hlc >= hlc))
            .order_by(SyncVector.last_hlc)
            .first()
        )
        if row is None or row.first_hlc > hlc:
            return None
        return json.loads(row.seen)

    @staticmethod
    def _knew(seen: Mapping[str, str] | None, writer_hlc: str, other_hlc: str) -> bool:
        """Whether the writer of ``writer_hlc`` had seen the value stamped ``other_hlc``."""
        if origin_of(other_hlc) == origin_of(writer_hlc):
            return other_hlc < writer_hlc
        return seen is not None and other_hlc <= seen.get(origin_of(other_hlc), "")

    # -- the segment ---------------------------------------------------------------
    def run(self, groups: Sequence[Group]) -> None:
        by_row: dict[str, dict[str, list[_Pair]]] = {e: defaultdict(list) for e in ENTITY_NAMES}
        newest, own, known, log = "", self.own_origin, self.skip, self.log
        ties = self._stamps_of_skipped(groups)
        for group in groups:
            seen = group.seen
            for hlc, entity, row_id, values in group.writes:
                if not _valid_hlc(hlc) or type(row_id) is not str or type(values) is not dict:
                    raise SegmentRejected(f"malformed write {hlc!r}")
                origin = hlc[HLC_PREFIX:]
                if origin == own or hlc <= known.get(origin, ""):
                    tied = self._tied(ties, hlc, entity, row_id, values)
                    self.result.skipped += len(values) - len(tied)
                    if not tied:
                        continue
                    values = tied
                if hlc > newest:
                    newest = hlc
                for name, value in values.items():
                    if type(value) is not str:
                        raise SegmentRejected(f"malformed value in {hlc}")
                    log.append((hlc, entity, row_id, name, value, RECEIVED))
                rows = by_row.get(entity)
                if rows is not None:  # an entity of a newer version waits in the log
                    rows[row_id].append((hlc, values, seen))
        self._rows.clear()
        self.result.received = len(log)
        if newest:
            self._receive_clock(newest)
        order = [*PARENTS_FIRST, *(e for e in by_row if e not in PARENTS_FIRST)]
        for entity in order:
            if by_row[entity]:
                self._apply_entity(ENTITY_NAMES[entity], by_row[entity])
        self._ensure_parents()

    def _stamps_of_skipped(self, groups: Sequence[Group]) -> dict[tuple[str, str], dict[str, str]]:
        """Field clocks of the rows that writes the dedup will skip touch (one query per
        entity and chunk): only where a clock equals such a write's stamp can a tie of
        equal stamps and different values hide there."""
        own, known = self.own_origin, self.skip
        wanted: dict[str, set[str]] = defaultdict(set)
        for group in groups:
            for hlc, entity, row_id, _values in group.writes:
                known_entity = entity in ENTITY_NAMES
                if not (isinstance(hlc, str) and type(row_id) is str and known_entity):
                    continue
                origin = hlc[HLC_PREFIX:]
                if origin == own or hlc <= known.get(origin, ""):
                    wanted[entity].add(row_id)
        found: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for entity, ids in wanted.items():
            for row_id, true in clock_store.read(ENTITY_NAMES[entity], sorted(ids)).items():
                found[(entity, row_id)] = true
        return found

    def _tied(
        self,
        ties: Mapping[tuple[str, str], Mapping[str, str]],
        hlc: str,
        entity: str,
        row_id: str,
        values: Mapping[str, Any],
    ) -> dict[str, Any]:
        """The fields of an already-known write whose stamp is the field's winning stamp
        but whose value would win the tie here (see :meth:`_tie_wins`)."""
        clocks = ties.get((entity, row_id))
        model = ENTITY_NAMES.get(entity)
        if not clocks or model is None:
            return {}
        return {
            name: value
            for name, value in values.items()
            if clocks.get(name) == hlc
            and type(value) is str
            and name in model._meta.fields
            and self._tie_wins(model, row_id, name, hlc, value, None)
        }

    def _tie_wins(
        self,
        model: type[SyncedModel],
        row_id: str,
        name: str,
        hlc: str,
        value: str,
        current: _Pending | None,
    ) -> bool:
        """Two values under one stamp: the greater JSON text wins, on every device and in
        any order. The value in force is the pending one, else the one logged at that
        stamp (the row's column is compared first: an exact repeat costs no log search)."""
        if current is not None:
            return value > current.value
        if value == self._current_value(model, row_id, name):
            return False
        stored = database.execute_sql(
            'SELECT max(value) FROM "change" WHERE entity = ? AND row_id = ? AND field = ? '
            "AND hlc = ?",
            (model._meta.table_name, row_id, name, hlc),
        ).fetchone()[0]
        if stored is None:  # a creation's value lives in its row only (log_rows)
            stored = self._current_value(model, row_id, name)
        return value > stored

    def _receive_clock(self, newest: str) -> None:
        try:
            ahead = journal.clock().receive(newest)
        except ClockError as exc:
            raise SegmentRejected(str(exc)) from exc
        if ahead:
            self.result.fast_clock = origin_of(newest)
        Meta.insert(key="hlc_last", value=journal.clock().last).on_conflict_replace().execute()

    def _apply_entity(self, model: type[SyncedModel], rows: Mapping[str, list[_Pair]]) -> None:
        entity = model._meta.table_name
        ids = list(rows)
        clocks: dict[str, dict[str, str]] = defaultdict(dict)
        stored, true_clocks = clock_store.read_rows(model, ids)
        clocks.update(true_clocks)
        existing = {i: (bool(r["deleted"]), r["updated"]) for i, r in stored.items()}
        parked = self._parked(entity, ids)
        required = required_fields(model)
        inserts: list[dict[str, Any]] = []
        written: dict[str, dict[str, str]] = {}  # row → true clocks after the merge
        for row_id, received in rows.items():
            changes = parked.get(row_id, []) + received if parked else received
            if row_id not in existing and required and not _has(required, changes):
                self._park(entity, row_id, received)  # an edit that overtook the creation
                continue
            if row_id in parked:
                SyncParked.delete().where(
                    (SyncParked.entity == entity) & (SyncParked.row_id == row_id)
                ).execute()
            old = dict(clocks[row_id])
            winners = self._merge_row(model, row_id, clocks[row_id], changes)
            if not winners:
                continue
            if row_id in stored:
                self._keep_superseded(model, stored[row_id], old, winners)
            columns = self._columns(model, row_id, winners, clocks[row_id], existing.get(row_id))
            written[row_id] = clocks[row_id]
            if row_id in existing:
                self._update(model, row_id, columns)
            else:
                inserts.append(columns)
                self.created[entity].add(row_id)
            self.result.touched.add((entity, row_id))
            self.result.applied += len(winners)
        inserts.sort(key=lambda row: row["id"])  # key order: fewer index pages touched
        self._insert(model, inserts)
        clock_store.write(model, written)

    @staticmethod
    def _keep_superseded(
        model: type[SyncedModel],
        row: Mapping[str, Any],
        old: Mapping[str, str],
        winners: Mapping[str, _Pending],
    ) -> None:
        """Values a received change replaces that only the row held (a creation's: the
        row is the state) go to the log as history first, so nothing is lost."""
        replaced = {n: old[n] for n, p in winners.items() if old.get(n) and old[n] != p.hlc}
        if not replaced:
            return
        fields = model._meta.fields
        values = {n: row[fields[n].column_name] for n in replaced}
        entity, row_id = model._meta.table_name, row["id"]
        history = [
            (stamp, entity, row_id, name, log_rows.column_json(model, name, values[name]), HISTORY)
            for name, stamp in replaced.items()
            if not log_rows.is_logged(entity, row_id, name, stamp)
        ]
        database.obj.cursor().executemany(
            'INSERT INTO "change" (hlc, entity, row_id, field, value, segment) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            history,
        )

    @staticmethod
    def _parked(entity: str, ids: Sequence[str]) -> dict[str, list[_Pair]]:
        found: dict[str, list[_Pair]] = {}
        if database.execute_sql('SELECT 1 FROM "sync_parked" LIMIT 1').fetchone() is None:
            return found
        writes: dict[tuple[str, str], _Pair] = {}
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            for row_id, hlc, name, value, seen in database.execute_sql(
                'SELECT row_id, hlc, field, value, seen FROM "sync_parked" '
                f"WHERE entity = ? AND row_id IN ({marks}) ORDER BY hlc",
                (entity, *chunk),
            ):
                if (row_id, hlc) not in writes:
                    pair: _Pair = (hlc, {}, json.loads(seen) if seen is not None else None)
                    writes[(row_id, hlc)] = pair
                    found.setdefault(row_id, []).append(pair)
                writes[(row_id, hlc)][1][name] = value
        return found

    @staticmethod
    def _park(entity: str, row_id: str, writes: list[_Pair]) -> None:
        database.obj.cursor().executemany(
            'INSERT OR IGNORE INTO "sync_parked" (entity, row_id, hlc, field, value, seen) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (entity, row_id, hlc, name, value, json.dumps(dict(seen)) if seen else None)
                for hlc, values, seen in writes
                for name, value in values.items()
            ],
        )

    def _merge_row(
        self,
        model: type[SyncedModel],
        row_id: str,
        clocks: dict[str, str],
        writes: list[_Pair],
    ) -> dict[str, _Pending]:
        winners: dict[str, _Pending] = {}
        self._rows.clear()
        entity, fields = model._meta.table_name, model._meta.fields
        if not clocks and len(writes) == 1:  # a row new here, in one write: nothing to lose
            hlc, values, seen = writes[0]
            for name, value in values.items():
                if name in fields:
                    winners[name] = _Pending(hlc, value, seen)
                    clocks[name] = hlc
            return winners
        for hlc, values, seen in writes:
            for name, value in values.items():
                if name in fields:  # else a field of a newer version: kept in the log
                    self._merge_field(
                        model, entity, row_id, name, hlc, value, seen, clocks, winners
                    )
        return winners

    def _merge_field(
        self,
        model: type[SyncedModel],
        entity: str,
        row_id: str,
        name: str,
        hlc: str,
        value: str,
        seen: Seen,
        clocks: dict[str, str],
        winners: dict[str, _Pending],
    ) -> None:
        current = winners.get(name)
        current_hlc = current.hlc if current else clocks.get(name, "")
        if hlc == current_hlc:
            if self._tie_wins(model, row_id, name, hlc, value, current):
                lost = current.value if current else self._current_value(model, row_id, name)
                self._conflict(entity, row_id, name, lost, hlc, hlc, value)
                winners[name] = _Pending(hlc, value, seen)
            return
        if hlc > current_hlc:
            if current_hlc and not self._knew(seen, hlc, current_hlc):
                lost = current.value if current else self._current_value(model, row_id, name)
                self._conflict(entity, row_id, name, lost, current_hlc, hlc, value)
            winners[name] = _Pending(hlc, value, seen)
            clocks[name] = hlc
        else:
            writer_seen = self._vector_of(current_hlc, current)
            if not self._knew(writer_seen, current_hlc, hlc):
                won = current.value if current else self._current_value(model, row_id, name)
                self._conflict(entity, row_id, name, value, hlc, current_hlc, won)

    def _current_value(self, model: type[SyncedModel], row_id: str, name: str) -> str:
        key = (model._meta.table_name, row_id)
        row = self._rows.get(key)
        if row is None:  # one fetch per row while it is merged (ties compare many fields)
            row = self._rows[key] = model.get_by_id(row_id)
        if name == "deleted":
            return journal.encode_value(self._raw_deleted(model, row))
        column = model._meta.fields[name]
        attr = name + "_id" if isinstance(column, pw.ForeignKeyField) else name
        return journal.encode_value(getattr(row, attr))

    @staticmethod
    def _raw_deleted(model: type[SyncedModel], row: SyncedModel) -> bool:
        """The last written ``deleted`` value (the column shows whether the row is hidden)."""
        if row.deleted:
            return True
        entity = model._meta.table_name
        stamps = clock_store.of_row(model, row.id)
        mine = stamps.pop("deleted", "")
        if not stamps or mine > max(stamps.values()):
            return False
        found = database.execute_sql(
            'SELECT value FROM "change" WHERE entity = ? AND row_id = ? AND field = ? '
            "AND hlc = ? LIMIT 1",
            (entity, row.id, "deleted", mine),
        ).fetchone()
        return bool(found and journal.decode_value(found[0]))

    def _conflict(
        self, entity: str, row_id: str, name: str, lost: str, lost_hlc: str, won_hlc: str, won: str
    ) -> None:
        if decode(lost) == decode(won):
            return
        self.conflicts.append(
            {
                "id": f"{entity}:{row_id}:{name}:{lost_hlc}",
                "entity": entity,
                "row_id": row_id,
                "field": name,
                "value": lost,
                "losing_hlc": lost_hlc,
                "winning_hlc": won_hlc,
                "seen": False,
                "detected_at": datetime.now().replace(microsecond=0),
            }
        )

    def _columns(
        self,
        model: type[SyncedModel],
        row_id: str,
        winners: Mapping[str, _Pending],
        clocks: Mapping[str, str],
        before: tuple[bool, str] | None,
    ) -> dict[str, Any]:
        fields = model._meta.fields
        columns: dict[str, Any] = {}
        for name, pending in winners.items():
            if name == "deleted":
                continue
            column = fields[name]
            value = to_column(column, decode(pending.value))
            columns[column.column_name] = value
            if isinstance(column, pw.ForeignKeyField) and value is not None:
                self.parents[column.rel_model._meta.table_name].add(str(value))
        newest = max(p.hlc for p in winners.values())
        was_hidden, updated = before if before else (True, "")
        deleted_hlc = clocks.get("deleted", "")
        if "deleted" in winners:
            others = [h for n, h in clocks.items() if n != "deleted"]
            raw = bool(decode(winners["deleted"].value))
            hidden = raw and (not others or deleted_hlc > max(others))
        elif not deleted_hlc:
            hidden = True  # a placeholder: its creation has not arrived yet
        else:
            hidden = was_hidden and deleted_hlc > newest
        columns["deleted"] = 1 if hidden else 0
        columns["updated"] = max(updated, newest)
        if before is None:
            columns["id"] = row_id
        return columns

    def _update(self, model: type[SyncedModel], row_id: str, columns: Mapping[str, Any]) -> None:
        names = list(columns)
        assignments = ", ".join(f'"{n}" = ?' for n in names)
        database.execute_sql(
            f'UPDATE "{model._meta.table_name}" SET {assignments} WHERE id = ?',
            (*columns.values(), row_id),
        )

    @staticmethod
    def _insert(model: type[SyncedModel], rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        defaults = {
            f.column_name: default_value(f)
            for n, f in model._meta.fields.items()
            if n not in ("id", "updated", "deleted")
        }
        names = ["id", "updated", "deleted", *defaults]
        quoted = ", ".join(f'"{n}"' for n in names)
        marks = placeholders(names)
        position = {name: index for index, name in enumerate(names)}
        template = [None, "", 1, *defaults.values()]
        values = []
        for row in rows:
            record = template.copy()
            for name, value in row.items():
                record[position[name]] = value
            values.append(record)
        database.obj.cursor().executemany(
            f'INSERT INTO "{model._meta.table_name}" ({quoted}) VALUES ({marks})', values
        )

    def _ensure_parents(self) -> None:
        insert_placeholders(self.parents, self.created)

    # -- bookkeeping -------------------------------------------------------------------
    def store(self, groups: Sequence[Group]) -> None:
        cursor = database.obj.cursor()
        cursor.executemany(
            'INSERT INTO "change" (hlc, entity, row_id, field, value, segment) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            self.log,
        )
        if self.conflicts:
            Conflict.insert_many(self.conflicts).on_conflict_ignore().execute()
        self.result.conflicts = len(self.conflicts)
        vectors = []
        newest: dict[str, str] = {}
        for group in groups:
            for write in group.writes:
                origin = write[0][HLC_PREFIX:]
                if write[0] > newest.get(origin, ""):
                    newest[origin] = write[0]
            if group.seen is None or not group.writes:
                continue
            stamps = [w[0] for w in group.writes]
            vectors.append(
                (origin_of(stamps[0]), min(stamps), max(stamps), json.dumps(dict(group.seen)))
            )
        cursor.executemany(
            'INSERT OR REPLACE INTO "sync_vector" (origin, first_hlc, last_hlc, seen) '
            "VALUES (?, ?, ?, ?)",
            vectors,
        )
        if self.log:
            log_seq = cursor.execute('SELECT max(seq) FROM "change"').fetchone()[0]
            cursor.executemany(
                'INSERT OR REPLACE INTO "sync_seen" (log_seq, origin, hlc) VALUES (?, ?, ?)',
                [
                    (log_seq, o, h)
                    for o, h in newest.items()
                    if o != self.own_origin and h > self.known.get(o, "")
                ],
            )


def insert_placeholders(parents: Mapping[str, set[str]], known: Mapping[str, set[str]]) -> None:
    """Insert a hidden placeholder for every referenced parent that is not here yet.

    ``parents`` maps an entity to the ids children point at, ``known`` to the ids this
    batch itself inserted; a placeholder has defaults and no field clocks, so the
    parent's own changes fill it in whenever they arrive.
    """
    for entity, ids in parents.items():
        wanted = sorted(ids - known.get(entity, set()))
        present: set[str] = set()
        for chunk in chunks(wanted):
            marks = placeholders(chunk)
            present.update(
                r[0]
                for r in database.execute_sql(
                    f'SELECT id FROM "{entity}" WHERE id IN ({marks})', tuple(chunk)
                )
            )
        missing = [{"id": i, "updated": "", "deleted": 1} for i in wanted if i not in present]
        _Applier._insert(ENTITY_NAMES[entity], missing)


def apply_segment(
    *, sender: str, seq: int, groups: Sequence[Group], own_origin: str
) -> ApplyResult:
    """Apply one received segment and advance ``sender``'s cursor to ``seq``, atomically.

    Raises :class:`SegmentRejected` (nothing applied) for a malformed segment or a clock
    more than 7 days ahead, and ``ValueError`` if ``seq`` does not follow the cursor.
    """
    return apply_segments(sender=sender, first=seq, last=seq, groups=groups, own_origin=own_origin)


def apply_segments(
    *, sender: str, first: int, last: int, groups: Sequence[Group], own_origin: str
) -> ApplyResult:
    """Apply consecutive segments ``first..last`` of ``sender`` and its cursor, atomically.

    A large backlog (joining a big vault) is applied a few segments per transaction:
    still all-or-nothing with the cursor, with far fewer rewrites of the same index pages.
    """
    with database.atomic():
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
        device, _ = SyncDevice.get_or_create(device_id=sender)
        if device.cursor != first - 1:
            raise ValueError(f"segment {first} of {sender} does not follow {device.cursor}")
        applier = _Applier(own_origin)
        try:
            applier.run(groups)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise SegmentRejected(f"malformed contents ({exc.__class__.__name__})") from exc
        applier.store(groups)
        newest = max((w[0] for g in groups for w in g.writes), default=device.last_hlc)
        SyncDevice.update(
            cursor=last, last_hlc=max(device.last_hlc, newest), seen_at=datetime.now()
        ).where(SyncDevice.device_id == sender).execute()
        refresh_search(applier.result.touched)
        journal.mark_touched(applier.result.touched)
    return applier.result
