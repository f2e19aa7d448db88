"""Snapshots (SYNC.md "Compaction"): write one when enough has accumulated, start from one.

Remote files (write-once, like everything; see :mod:`desktop.sync.layout`)::

    snapshots/<device>/<n>/<k>.part   sealed, zlib JSON {"v": 1, "writes": [[hlc, entity,
                                      row_id, {field: value_json}], …]}: the winning value
                                      and stamp of every field (≤ ``part_changes`` log rows)
    snapshots/<device>/<n>.snap       the manifest, written LAST: cursors (device folder →
                                      last segment included), frontier, seen-vectors,
                                      parked edits, the writer's schema, and each part's
                                      SHA-256 and size (a part cannot be swapped in)

Parts are sealed with sequence ``n << 16 | k`` and the manifest with ``n << 16``, so the
header binds every file to its kind, vault, device, snapshot and position. A reader
starts from the newest readable snapshot (most segments covered); anything missing,
truncated or altered is reported and the next older one is tried, then the plain
replay of segments. Old segments are never deleted (SYNC.md: a later version).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from desktop.storage import replication_snapshot as rs
from desktop.storage.replication import HLC_PREFIX, SegmentRejected, Write
from desktop.sync import layout, state, timings
from desktop.sync.crypto import KIND_SNAPSHOT, SealError
from desktop.sync.payload import pack, unpack

if TYPE_CHECKING:
    from desktop.storage.outbox import Batch
    from desktop.sync.engine import CycleResult
    from desktop.sync.session import SyncSession

log = logging.getLogger(__name__)
FORMAT = 1
DOWNLOADING = "Downloading the vault's data"  # progress wording: parts of a snapshot
LOADING = "Loading the vault's data"  # … then changes loaded into the database
PART_SHIFT = 16
MAX_PARTS = (1 << PART_SHIFT) - 1
SNAPSHOT_SEGMENTS = 500  # SYNC.md: "after ~500 segments"
SNAPSHOT_CHANGES = 200_000  # or this many changes (a big import, creating a big vault)
PART_CHANGES = 200_000  # change-log rows per part (a few MB sealed)


@dataclass(frozen=True)
class Limits:
    """When a snapshot is due and how big its parts are (tests lower them)."""

    changes: int = SNAPSHOT_CHANGES  # a snapshot after this many new changes
    segments: int = SNAPSHOT_SEGMENTS  # … or this many new segments
    part_changes: int = PART_CHANGES


def manifest_seq(number: int) -> int:
    return number << PART_SHIFT


def part_seq(number: int, part: int) -> int:
    return (number << PART_SHIFT) | part


def encode_part(writes: Sequence[Write]) -> bytes:
    return pack({"v": FORMAT, "writes": writes})


def decode_part(data: bytes) -> list[Write]:
    """Structure checks only (each write is checked where it is applied)."""
    writes = unpack(data, "snapshot", FORMAT).get("writes")
    if not isinstance(writes, list) or not all(type(w) is list and len(w) == 4 for w in writes):
        raise SealError("malformed writes")
    return writes


@dataclass(frozen=True)
class Manifest:
    device: str
    number: int
    body: dict[str, Any]

    @property
    def cursors(self) -> dict[str, int]:
        return self.body["cursors"]

    @property
    def coverage(self) -> int:
        """Segments included, all device folders together: the higher, the newer."""
        return sum(self.cursors.values())

    @property
    def parts(self) -> list[dict[str, Any]]:
        return self.body["parts"]


def _check_manifest(body: dict[str, Any]) -> None:
    if body.get("v") != FORMAT:
        raise SealError("written by a newer Rapport (snapshot format)")
    cursors, parts = body.get("cursors"), body.get("parts")
    if not isinstance(cursors, dict) or not all(
        isinstance(k, str) and layout.DEVICE_ID.match(k) and type(v) is int and v >= 0
        for k, v in cursors.items()
    ):
        raise SealError("malformed cursors")
    if not isinstance(parts, list) or len(parts) > MAX_PARTS:
        raise SealError("malformed part list")
    for part in parts:
        if not (
            isinstance(part, dict)
            and isinstance(part.get("sha256"), str)
            and type(part.get("size")) is int
        ):
            raise SealError("malformed part list")
    frontier = body.get("frontier")
    if not isinstance(frontier, dict) or not all(isinstance(v, str) for v in frontier.values()):
        raise SealError("malformed frontier")
    for key, width in (("vectors", 4), ("parked", 6)):
        rows = body.get(key)
        if not isinstance(rows, list) or not all(
            type(r) is list and len(r) == width and all(v is None or type(v) is str for v in r)
            for r in rows
        ):
            raise SealError(f"malformed {key}")
    if not isinstance(body.get("schema"), dict):
        raise SealError("malformed schema")


def list_snapshots(session: SyncSession) -> dict[str, list[int]]:
    """Snapshot numbers per writing device, newest first: one listing of ``snapshots/``
    and one of each writer's folder there (never of any segment folder)."""
    found: dict[str, list[int]] = {}
    for device in session.remote.list_dir(layout.SNAPSHOTS):
        if not layout.DEVICE_ID.match(device):
            continue
        numbers = [
            int(m.group(1))
            for name in session.remote.list_dir(layout.snapshot_dir(device))
            if (m := layout.SNAPSHOT_NAME.match(name))
        ]
        if numbers:
            found[device] = sorted(numbers, reverse=True)
    return found


def _read_manifest(session: SyncSession, device: str, number: int) -> Manifest | None:
    """The manifest, or None if absent; raises SealError when it cannot be trusted."""
    data = session.remote.read(layout.snapshot(device, number))
    if data is None:
        return None
    plain = session.open(
        data, KIND_SNAPSHOT, device, manifest_seq(number), keys=session.keys_for(device)
    )
    body = unpack(plain, "snapshot", FORMAT)
    _check_manifest(body)
    if body["cursors"].get(device, -1) < 0:
        raise SealError("its cursor map does not name its writer")
    return Manifest(device, number, body)


# -- writing -------------------------------------------------------------------------------
class Prepared:
    """The parts of a snapshot, encoded while the first push reads the whole log (issue #15).

    The first push after turning sync on reads and completes every change, exactly what
    the snapshot right after it would read again (a third of ``sync create`` at 10,000
    people). The push hands each batch's values in force here; the snapshot uses these
    parts only if the log is where it was when the push began (:meth:`fits`), i.e. the
    parts hold the same writes in the same order as reading the log again would —
    otherwise (an edit or a received update in between) they are dropped and the log is
    read as usual. Parts hold at most ``part_changes`` log rows, as when read from the
    log, except that a write is never split between two parts.
    """

    def __init__(self, *, log_max: int, own_origin: str, part_changes: int) -> None:
        self.log_max = log_max  # the log's last position when the push began
        self.own_origin = own_origin
        self.part_changes = part_changes
        self.parts: list[bytes] = []
        self.changes = 0
        self.last_seq = 0  # the last segment number the push confirmed
        self.newest: dict[str, str] = {}  # as rs.read_part counts them, over every write
        self.own_first = ""
        self.own_last = ""
        self._writes: list[Write] = []
        self._entries = 0

    def add(self, batch: Batch) -> None:
        """A confirmed batch of the push, in order."""
        if batch.winners is None or batch.seq != self.last_seq + 1:
            self.log_max = 0  # not every batch, in order: these parts will not be used
            return
        limit = self.part_changes
        for rows, write in batch.winners:
            if self._entries + rows > limit:
                self._flush()
            self._entries += rows
            if write is not None:
                self._writes.append(write)
        self.last_seq = batch.seq
        newest, own = self.newest, self.own_origin
        for group in batch.groups:
            for write in group.writes:
                hlc = write[0]
                origin = hlc[HLC_PREFIX:]
                if hlc > newest.get(origin, ""):
                    newest[origin] = hlc
                if origin == own:
                    if not self.own_first or hlc < self.own_first:
                        self.own_first = hlc
                    if hlc > self.own_last:
                        self.own_last = hlc

    def finish(self) -> None:
        """The push is over: encode what is left."""
        self._flush()

    def _flush(self) -> None:
        if self._writes:
            with timings.phase("snapshot_encode_s"):
                self.parts.append(encode_part(self._writes))
            self.changes += sum(len(w[3]) for w in self._writes)
        self._writes, self._entries = [], 0

    def fits(self, base: rs.Base, device: str) -> bool:
        """Whether these parts are what reading the log for ``base`` would give: nothing
        was logged since the push began, every batch of it is here and no other device's
        update was applied."""
        return (
            self.log_max > 0
            and not self._writes
            and base.log_max == self.log_max
            and base.cursors == {device: self.last_seq}
        )


def maybe_write(
    session: SyncSession,
    origin: str,
    limits: Limits | None = None,
    prepared: Prepared | None = None,
) -> bool:
    """Write a snapshot if one is due and no other device wrote a recent one; True if so.

    ``prepared``: the parts the push encoded, used when they still fit (see
    :class:`Prepared`)."""
    limits = limits or Limits()
    due = session.db(partial(rs.due, changes=limits.changes, segments=limits.segments))
    if due is None:
        return False
    me = session.config.device_id
    listing = list_snapshots(session)
    newest_elsewhere = 0
    for device, numbers in listing.items():
        if device == me:
            continue
        try:
            manifest = _read_manifest(session, device, numbers[0])
        except SealError:
            continue
        if manifest is not None:
            newest_elsewhere = max(newest_elsewhere, manifest.coverage)
    recent = due.segments - newest_elsewhere < max(1, limits.segments // 2)
    if newest_elsewhere and recent and not due.forced:
        session.db(partial(rs.mark, segments=newest_elsewhere, log_max=due.log_max))
        return False  # another device's recent snapshot serves joiners just as well
    number = max(listing.get(me, [0])) + 1
    return _write(session, origin, number, limits.part_changes, prepared)


def _write(
    session: SyncSession,
    origin: str,
    number: int,
    part_changes: int,
    prepared: Prepared | None = None,
) -> bool:
    me = session.config.device_id
    base = session.db(partial(rs.begin, own_device=me, own_origin=origin))
    if base is None:
        return False
    parts: list[bytes] = []
    after, changes = 0, 0
    if prepared is not None and prepared.fits(base, me):
        parts, changes, after = prepared.parts, prepared.changes, base.log_max
        base.newest = dict(prepared.newest)
        base.own_first, base.own_last = prepared.own_first, prepared.own_last
    try:
        while after < base.log_max:
            with timings.phase("snapshot_read_s"):
                writes, after = session.db(partial(rs.read_part, base, after, part_changes))
            if writes:
                with timings.phase("snapshot_encode_s"):
                    parts.append(encode_part(writes))
                changes += sum(len(w[3]) for w in writes)
    except rs.StateChanged:
        log.info("Snapshot postponed: the data changed while it was being read")
        return False
    if len(parts) > MAX_PARTS:
        log.warning("Snapshot skipped: %d parts is more than a snapshot can hold", len(parts))
        return False
    described: list[dict[str, Any]] = []
    for index, plain in enumerate(parts, start=1):
        sealed = session.seal(plain, KIND_SNAPSHOT, part_seq(number, index))
        session.remote.write(layout.snapshot_part(me, number, index), sealed)
        described.append({"sha256": hashlib.sha256(sealed).hexdigest(), "size": len(sealed)})
    body = {
        "v": FORMAT,
        "created": datetime.now().replace(microsecond=0).isoformat(),
        "origin": origin,
        "cursors": base.cursors,
        "parked": base.parked,
        "schema": rs.schema(),
        "parts": described,
        "changes": changes,
        **rs.finish(base),
    }
    manifest = session.seal(pack(body), KIND_SNAPSHOT, manifest_seq(number))
    session.remote.write(layout.snapshot(me, number), manifest)
    session.db(partial(rs.mark, segments=sum(base.cursors.values()), log_max=base.log_max))
    log.info("Wrote snapshot %d (%d parts, %d changes)", number, len(parts), changes)
    return True


# -- starting from one ---------------------------------------------------------------------
def _candidates(
    session: SyncSession, listing: dict[str, list[int]], result: CycleResult
) -> Iterator[Manifest]:
    """Readable manifests, best first: each writer's newest by coverage, then older ones."""

    def read(device: str, number: int) -> Manifest | None:
        try:
            return _read_manifest(session, device, number)
        except SealError as exc:
            _warn(session, result, device, number, str(exc))
            return None

    heads = [m for d, ns in listing.items() if (m := read(d, ns[0])) is not None]
    yield from sorted(heads, key=lambda m: (m.coverage, m.body.get("created", "")), reverse=True)
    older = sorted(((n, d) for d, ns in listing.items() for n in ns[1:]), reverse=True)
    for number, device in older:
        manifest = read(device, number)
        if manifest is not None:
            yield manifest


def _warn(session: SyncSession, result: CycleResult, device: str, number: int, why: str) -> None:
    name = session.device_name(device) or f"device {device[:8]}"
    result.warnings.append(
        f"Snapshot {number} from {name} could not be used: {why}. Sync starts from an older "
        "snapshot or from the individual updates instead."
    )


def _schema_fits(manifest: Manifest) -> bool:
    """A writer that did not know a field this version syncs may have left its values out."""
    theirs = manifest.body["schema"]
    return all(set(fields) <= set(theirs.get(entity, ())) for entity, fields in rs.schema().items())


def _download(session: SyncSession, manifest: Manifest) -> list[bytes]:
    """Every part, verified against the manifest and decrypted (raises SealError)."""
    plain: list[bytes] = []
    for index, part in enumerate(manifest.parts, start=1):
        session.progress(DOWNLOADING, index - 1, len(manifest.parts))
        data = session.remote.read(layout.snapshot_part(manifest.device, manifest.number, index))
        if data is None:
            raise SealError(f"part {index} is missing (not fully copied yet?)")
        if len(data) != part["size"] or hashlib.sha256(data).hexdigest() != part["sha256"]:
            raise SealError(f"part {index} is not the one its manifest names")
        seq, keys = part_seq(manifest.number, index), session.keys_for(manifest.device)
        plain.append(session.open(data, KIND_SNAPSHOT, manifest.device, seq, keys=keys))
    return plain


def start_from_snapshot(session: SyncSession, origin: str, result: CycleResult) -> bool:
    """A device that has applied no segment yet starts from the best readable snapshot."""
    if not session.db(rs.is_fresh):
        return False
    me = session.config.device_id
    # our own snapshots hold the state we have: not even their manifests are read (the
    # device that created a vault stays "fresh" until another device's update arrives)
    listing = {d: numbers for d, numbers in list_snapshots(session).items() if d != me}
    if not listing:
        return False
    for manifest in _candidates(session, listing, result):
        if manifest.device == me:
            continue  # our own: we have that state already
        revoked = session.revoked
        if manifest.device in revoked or any(
            seq > revoked[d] for d, seq in manifest.cursors.items() if d in revoked
        ):
            continue  # written by, or holding too much of, a removed device
        if not _schema_fits(manifest):
            log.info(
                "Snapshot %d of %s predates fields this version syncs",
                manifest.number,
                manifest.device,
            )
            continue
        try:
            with timings.phase("snapshot_download_s"):
                plain = _download(session, manifest)
        except SealError as exc:
            _warn(session, result, manifest.device, manifest.number, str(exc))
            continue
        if session.db(rs.has_data):
            session.backup()
        expected = int(manifest.body.get("changes") or 0)
        try:
            with timings.phase("snapshot_load_s"):
                applied = session.db(
                    partial(
                        rs.load,
                        parts=(decode_part(p) for p in plain),
                        cursors=manifest.cursors,
                        frontier_map=manifest.body["frontier"],
                        vectors=manifest.body["vectors"],
                        parked=manifest.body["parked"],
                        own_origin=origin,
                        own_device=me,
                        progress=partial(_report_loading, session, expected),
                    )
                )
        except SegmentRejected as exc:
            _warn(session, result, manifest.device, manifest.number, str(exc))
            continue
        session.publish()
        result.pulled += applied.received
        result.conflicts += applied.conflicts
        if applied.fast_clock:
            fast = session.db(partial(state.name_of_origin, applied.fast_clock))
            result.warnings.append(
                f"The clock of {fast} is more than 5 minutes fast; its changes were "
                "accepted, but please correct its date and time."
            )
        log.info(
            "Started from snapshot %d of %s (%d changes)",
            manifest.number,
            manifest.device,
            applied.received,
        )
        return True
    return False


def _report_loading(
    session: SyncSession, expected: int, done: int, total: int | None = None
) -> None:
    """A snapshot load's progress, against the manifest's count unless told otherwise."""
    session.progress(LOADING, done, expected if total is None else total)
