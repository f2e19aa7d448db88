"""The outgoing side of sync: number the unsent changes, and read a numbered batch back.

A push first assigns the next sequence number to a batch of unsent changes in one
transaction, then seals and uploads it, then records it as pushed. If the app dies in
between, the next push finds the batch assigned but not confirmed and re-seals exactly
the same changes under the same number (SYNC.md: never a gap, never a second number).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.storage import log_rows
from desktop.storage.models import database
from desktop.storage.replication import Group, Write, origin_of
from desktop.storage.sync_tables import HISTORY, SyncDevice, SyncState

ASSIGNED = "assigned_seq"
PUSHED = "pushed_seq"


@dataclass(frozen=True)
class Batch:
    seq: int
    groups: tuple[Group, ...]
    # with ``prepare``: per write, the log rows it was read from and its values still in
    # force as a snapshot holds them (None: none), in log order (log_rows.expand)
    winners: tuple[log_rows.Counted, ...] | None = None

    @property
    def size(self) -> int:
        return sum(g.size for g in self.groups)


def pushed_seq() -> int:
    return SyncState.read_int(PUSHED)


def pending_count() -> int:
    """Local changes not yet safely uploaded (unsent, or sealed but not confirmed)."""
    pushed = SyncState.read_int(PUSHED)
    return database.execute_sql(
        'SELECT count(*) FROM "change" WHERE segment IS NULL OR segment > ?', (pushed,)
    ).fetchone()[0]


def whole_log_unsent() -> int:
    """The log's last position if nothing of it was ever numbered or received (the first
    push after turning sync on: it will read every change a snapshot holds), else 0."""
    with database.atomic():
        if SyncState.read_int(ASSIGNED) or SyncState.read_int(PUSHED):
            return 0
        numbered = database.execute_sql(
            'SELECT 1 FROM "change" WHERE segment >= 0 LIMIT 1'
        ).fetchone()
        if numbered is not None:
            return 0
        return database.execute_sql('SELECT coalesce(max(seq), 0) FROM "change"').fetchone()[0]


def next_batch(*, own_origin: str, limit: int, prepare: bool = False) -> Batch | None:
    """The batch to upload next: an unconfirmed one again, else the next unsent changes.

    ``prepare``: also return the batch's values in force (:attr:`Batch.winners`).
    """
    with database.atomic():
        assigned, pushed = SyncState.read_int(ASSIGNED), SyncState.read_int(PUSHED)
        if assigned > pushed:
            return _read(pushed + 1, own_origin, prepare)
        row = database.execute_sql(
            'SELECT seq, hlc FROM "change" WHERE segment IS NULL ORDER BY seq LIMIT 1 OFFSET ?',
            (limit - 1,),
        ).fetchone()
        if row is None:  # fewer than ``limit`` left: take them all
            last = database.execute_sql(
                'SELECT max(seq) FROM "change" WHERE segment IS NULL'
            ).fetchone()[0]
            if last is None:
                return None
        else:  # never split one write (a row's creation) across two segments
            last, stamp = row
            for seq, hlc in database.execute_sql(
                'SELECT seq, hlc FROM "change" WHERE seq > ? ORDER BY seq LIMIT 500', (last,)
            ):
                if hlc != stamp:
                    break
                last = seq
        number = max(assigned, pushed) + 1
        database.execute_sql(
            'UPDATE "change" SET segment = ? WHERE segment IS NULL AND seq <= ?', (number, last)
        )
        SyncState.write(ASSIGNED, number)
        return _read(number, own_origin, prepare)


def confirm_pushed(seq: int) -> None:
    SyncState.write(PUSHED, seq)


def _read(number: int, own_origin: str, prepare: bool = False) -> Batch:
    rows = database.execute_sql(
        'SELECT seq, hlc, entity, row_id, field, value FROM "change" WHERE segment = ? '
        "ORDER BY seq",
        (number,),
    ).fetchall()
    first, last = rows[0][0], rows[-1][0]
    seen = dict(
        database.execute_sql(
            'SELECT origin, max(hlc) FROM "sync_seen" WHERE log_seq < ? GROUP BY origin', (first,)
        ).fetchall()
    )
    events = database.execute_sql(
        'SELECT log_seq, origin, hlc FROM "sync_seen" WHERE log_seq >= ? AND log_seq <= ? '
        "ORDER BY log_seq",
        (first, last),
    ).fetchall()
    groups: list[Group] = []
    current: list[Write] = []
    current_seen: dict[str, str] | None = None
    key: tuple[bool, int] | None = None
    epoch, pending = 0, len(events)
    # The loop of a first push (2 million rows at 10,000 people): a write's stamp, row and
    # origin are looked at once per write, not once per field.
    last_hlc, last_entity, last_row, fields, own = "", "", "", {}, False
    for seq, hlc, entity, row_id, name, value in rows:
        if epoch < pending and events[epoch][0] < seq:
            while epoch < pending and events[epoch][0] < seq:
                _, origin, stamp = events[epoch]
                seen[origin] = max(seen.get(origin, ""), stamp)
                epoch += 1
            last_hlc = ""  # a new epoch: a new group, so a new write
        if hlc == last_hlc and row_id == last_row and entity == last_entity:
            fields[name] = value  # the same write: one stamp, one row, several fields
            continue
        if hlc != last_hlc:
            own = origin_of(hlc) == own_origin
        if key != (own, epoch):
            if current:
                groups.append(Group(current_seen, tuple(current)))
            current, key = [], (own, epoch)
            current_seen = dict(seen) if own else None  # relayed: what its writer saw is unknown
        last_hlc, last_entity, last_row, fields = hlc, entity, row_id, {name: value}
        current.append((hlc, entity, row_id, fields))
    if current:
        groups.append(Group(current_seen, tuple(current)))
    # a creation is logged as one entry: the row completes it (desktop.storage.log_rows)
    winners: list[log_rows.Counted] | None = [] if prepare else None
    expanded = tuple(
        Group(g.seen, tuple(log_rows.expand(g.writes, winners=winners))) for g in groups
    )
    return Batch(number, expanded, None if winners is None else tuple(winners))


def reset_for_new_vault() -> None:
    """Joining or creating a different vault: everything local must be offered to it.

    Every change (received ones too: the new vault has never seen them) becomes unsent,
    rows the log holds no write of get their creation entries (log_rows), and cursors,
    seen-vectors and numbering start again. History entries stay local.
    """
    with database.atomic():
        database.execute_sql(
            'UPDATE "change" SET segment = NULL WHERE segment IS NOT NULL AND segment != ?',
            (HISTORY,),
        )
        log_rows.materialize_for_new_vault()
        for table in ("sync_device", "sync_seen", "sync_vector"):
            database.execute_sql(f'DELETE FROM "{table}"')
        SyncState.delete().where(SyncState.key.in_([ASSIGNED, PUSHED])).execute()


def start_new_folder(old_device_id: str) -> None:
    """Re-joining the same vault under a new device folder (after Forget, or a data folder
    restored from a backup): number this device's batches from 1 again in the new folder.

    Everything this device sent is offered again, in log order: the dedup on the other
    side relies on each writer's changes arriving in order, and a device that reads the
    new folder before the old one would otherwise skip what only the old one holds. Those
    that have it skip it cheaply. The old folder becomes "another device", pulled from
    after the last batch this database knows it sent (so batches a newer copy of this
    database sent there are read like anyone's).
    """
    with database.atomic():
        pushed = SyncState.read_int(PUSHED)
        database.execute_sql('UPDATE "change" SET segment = NULL WHERE segment > 0')
        SyncDevice.insert(device_id=old_device_id, cursor=pushed).on_conflict_ignore().execute()
        SyncState.delete().where(SyncState.key.in_([ASSIGNED, PUSHED])).execute()
