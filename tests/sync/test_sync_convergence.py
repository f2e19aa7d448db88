"""Property: three replicas, random edits/deletes/restores on every record type, random
sync orders and skewed clocks → identical state everywhere and no value lost.

"No value lost" is checked against what the writers saw: every value ever written is
the final one, or equal to it, or was on screen when its writer replaced it, or sits in
some replica's conflict list.
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from unittest import mock

import peewee as pw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services.sync.conflicts import restore_conflict
from desktop.services.sync.cycle import sync_now
from desktop.storage import clocks as field_clocks
from desktop.storage import hlc, journal, log_rows
from desktop.storage.models import (
    ENTITY_NAMES,
    SYNCED_MODELS,
    Attendance,
    Commitment,
    ContactPoint,
    Exchange,
    ImportantDate,
    Introduction,
    Participant,
    SyncedModel,
    Tag,
    database,
    link_id,
)
from desktop.storage.sync_tables import Conflict
from desktop.sync.targets import parse_target
from tests.sync.replicas import Replica, digest, join_all

TEXTS = ["", "a", "b", "Ana", "Zoë"]
VALUES = {
    pw.TextField: TEXTS,
    pw.IntegerField: [None, 1, 2, 3],
    pw.BooleanField: [True, False],
    pw.DateTimeField: [None, datetime(2024, 1, 1, 9, 0), datetime(2024, 5, 6, 10, 30, 15)],
    pw.DateField: [None, date(2024, 1, 1), date(2025, 2, 3)],
    pw.BlobField: [None, b"\x89PNG-1", b"\x00\x01"],
}
REQUIRED_PARENTS = {
    ContactPoint: ("person",),
    Participant: ("conversation", "person"),
    Tag: ("person",),
    Commitment: ("person",),
    Exchange: ("person",),
    Attendance: ("event", "person"),
    Introduction: ("person",),
    ImportantDate: ("person",),
}
SKEWS_MS = [0, 10 * 60 * 1000, -3 * 60 * 1000]  # one device 10 minutes fast, one slow

operations = st.lists(
    st.tuples(
        st.sampled_from(
            ["create", "edit", "race", "race", "delete", "restore", "unconflict", "sync"]
        ),
        st.integers(0, 2),  # replica
        st.integers(0, len(SYNCED_MODELS) - 1),  # record type
        st.integers(0, 7),  # which row
        st.integers(0, 7),  # which field
        st.integers(0, 7),  # which value
    ),
    min_size=12,
    max_size=30,
)


class SkewedTime:
    """``time`` as seen by the HLC: the real clock plus the active replica's skew."""

    offset_ms = 0

    def time(self) -> float:
        return time.time() + self.offset_ms / 1000


def _kind(field: pw.Field) -> list:
    for kind, values in VALUES.items():
        if isinstance(field, kind):
            return values
    return TEXTS


def _rows(model: type[SyncedModel]) -> list[str]:
    return [
        r[0] for r in database.execute_sql(f'SELECT id FROM "{model._meta.table_name}" ORDER BY id')
    ]


def _pick(items: list, n: int):
    return items[n % len(items)] if items else None


def _field_value(model: type[SyncedModel], name: str, n: int):
    field = model._meta.fields[name]
    if isinstance(field, pw.ForeignKeyField):
        parents = _rows(field.rel_model)
        if field.null and n % 4 == 0:
            return None
        return _pick(parents, n)
    return _pick(_kind(field), n)


def _editable(model: type[SyncedModel]) -> list[str]:
    return [n for n in model._meta.fields if n not in ("id", "updated", "deleted")]


def _known(model: type[SyncedModel], row_id: str, name: str) -> set[str]:
    """The stamp of the value a writer replaces knowingly: the one in force (on screen)."""
    clock = field_clocks.of_row(model, row_id).get(name)
    return set() if clock is None else {clock}


def _write(model, row_id, values, overwritten) -> None:
    """A local write, remembering which values its writer had on screen and replaced."""
    entity = model._meta.table_name
    if row_id is not None:
        for name in values:
            overwritten[(entity, row_id, name)].update(_known(model, row_id, name))
    journal.save(model, row_id, values)


def _apply(op, model_index, row, column, value_index, overwritten) -> None:
    model = SYNCED_MODELS[model_index]
    if op == "create":
        values = {}
        for name in REQUIRED_PARENTS.get(model, ()):
            values[name] = _field_value(model, name, row + column)
            if values[name] is None:
                return
        name = _pick(_editable(model), column)
        if name not in values:
            values[name] = _field_value(model, name, value_index)
        row_id = None
        if model is Participant:
            row_id = link_id("participant", values["conversation"], values["person"])
            if Participant.get_or_none(Participant.id == row_id) is not None:
                return
        _write(model, row_id, values, overwritten)
        return
    row_id = _pick(_rows(model), row)
    if row_id is None:
        return
    if op == "edit":
        fields = _editable(model)
        name = _pick(fields[:2] if column < 5 else fields, column)  # same fields often
        value = _field_value(model, name, value_index)
        if value is None and not model._meta.fields[name].null:
            return
        _write(model, row_id, {name: value}, overwritten)
    elif op in ("delete", "restore"):
        _write(model, row_id, {"deleted": op == "delete"}, overwritten)
    elif op == "unconflict":
        pending = [c.id for c in Conflict.select().where(Conflict.restored_at.is_null())]
        chosen = _pick(pending, row)
        if chosen:
            c = Conflict.get_by_id(chosen)
            known = _known(ENTITY_NAMES[c.entity], c.row_id, c.field)
            overwritten[(c.entity, c.row_id, c.field)].update(known)
            restore_conflict(chosen)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=operations, skews=st.permutations(SKEWS_MS))
def test_three_replicas_converge_without_losing_a_value(ops, skews) -> None:
    clock = SkewedTime()
    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(hlc, "time", clock):
        root = Path(tmp)
        replicas = [Replica(root, name) for name in ("ana", "ben", "cy")]
        try:
            digests = _run(replicas, ops, skews, clock, root)
            assert len(set(digests)) == 1, "replicas diverged"
        finally:
            for replica in replicas:
                replica.close()


def _use(replica: Replica, skew: int, clock: SkewedTime) -> None:
    clock.offset_ms = skew
    replica.use()
    journal._clock = None  # reload: the new offset applies to this replica's clock


def _run(replicas, ops, skews, clock, root) -> list[str]:
    """Apply ``ops``, sync twice round, check no value was lost; each replica's digest."""
    for replica, skew in zip(replicas, skews, strict=True):
        _use(replica, skew, clock)
    join_all(replicas, parse_target(str(root / "vault")))
    overwritten: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    _use(replicas[0], skews[0], clock)
    for index in range(len(SYNCED_MODELS)):  # a few rows of every type to work on
        for n in (0, 1):
            _apply("create", index, n, n + 1, n + 1, overwritten)
    for replica, skew in zip(replicas, skews, strict=True):
        _use(replica, skew, clock)
        sync_now()
    for op, index, model_index, row, column, value in ops:
        _use(replicas[index], skews[index], clock)
        if op == "sync":
            sync_now()
        elif op == "race":  # two devices edit the same field before either syncs
            _apply("edit", model_index, row, column, value, overwritten)
            other = (index + 1) % 3
            _use(replicas[other], skews[other], clock)
            _apply("edit", model_index, row, column, value + 1, overwritten)
        else:
            _apply(op, model_index, row, column, value, overwritten)
    for _ in range(2):
        for replica, skew in zip(replicas, skews, strict=True):
            _use(replica, skew, clock)
            sync_now()
    digests = []
    losers: set[str] = set()
    for replica, skew in zip(replicas, skews, strict=True):
        _use(replica, skew, clock)
        digests.append(digest())
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        losers |= {c.losing_hlc for c in Conflict.select()}
    _use(replicas[0], skews[0], clock)
    winners = field_clocks.all_clocks()
    # every value known: the log and the rows (a creation's values live in its row)
    values = {(e, r, f, h): v for h, e, r, f, v in log_rows.known_values()}
    for (entity, row_id, name, stamp), value in values.items():
        key = (entity, row_id, name)
        winner = winners.get(key)
        if stamp == winner or stamp in overwritten[key] or stamp in losers:
            continue
        final = values.get((*key, winner))
        assert journal.decode_value(value) == journal.decode_value(final), (
            f"lost {entity}.{name} = {value} ({stamp}); final {final} ({winner})"
        )
    return digests
